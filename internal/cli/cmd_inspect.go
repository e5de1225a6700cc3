package cli

import (
	"context"
	"fmt"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
)

// inspectOptions are the flags of inspect, and of the terminal UI, which
// takes the same.
type inspectOptions struct {
	keys     keySourceFlags
	checks   checkFlags
	policies policyFlags
	output   outputFlags
	demo     demoFlags
}

const inspectRedactUsage = "hide in the report the signature (alone: --redact), ids (the signature, numeric IDs and jti), or none (the default), to paste it where others read it"

func (o *inspectOptions) register(fs *pflag.FlagSet) {
	o.keys.register(fs)
	o.checks.register(fs, inspectAudienceUsage)
	o.policies.register(fs)
	o.output.register(fs, inspectRedactUsage)
	o.demo.register(fs)
}

func newInspectCmd(s streams) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [TOKEN | - | @FILE]",
		Short: "decode, verify and explain a token",
		Long: `Decode, verify and explain a token. The token may be pasted in any common
wrapping: bare, "Bearer …", an Authorization header, quoted, wrapped across
lines, the Actions token endpoint's JSON, or inside a log line. With no
TOKEN, or -, it is read from stdin; @FILE reads a file.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return inspectRun(&o, args, s)
		},
	}
	o.register(cmd.Flags())
	return cmd
}

// inspectRun runs the pipeline on one token and prints its report.
func inspectRun(o *inspectOptions, args []string, s streams) error {
	opts, err := o.pipeline(args, s, false)
	if err != nil {
		return err
	}
	rep := inspect.Run(context.Background(), opts)
	shown := redact.Report(rep, o.output.redact) // the exit code stays the real token's
	if o.output.json {
		err = report.JSON(s.out, shown)
	} else {
		err = report.Text(s.out, shown, lipgloss.NewRenderer(s.out, termenv.WithEnvironment(environ(s.getenv))))
	}
	if err != nil {
		return failf("writing the report: %w", err)
	}
	set, _ := opts.Policies.(*policyset.Set)
	sayPolicySkips(s, set.SkipNote())
	if set != nil && set.Failed() {
		// The report shows them too; stderr says why the exit code is 2.
		for _, r := range set.Failures() {
			fmt.Fprintf(s.errOut, "oidcscope: policy %s: %s\n", escape.Text(r.Source), escape.Text(r.Error))
		}
		return exitWith(exitProblem) // a policy document could not be read: the user must fix the input
	}
	return exitWith(rep.ExitCode())
}
