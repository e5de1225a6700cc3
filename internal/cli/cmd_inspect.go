package cli

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
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
	o.registerAs(fs, inspectAudienceUsage, inspectRedactUsage)
}

// registerAs registers inspect's flag groups with what --audience and
// --redact mean to the command (fetch reads them its own way).
func (o *inspectOptions) registerAs(fs *pflag.FlagSet, audienceUsage, redactUsage string) {
	o.keys.register(fs)
	o.checks.register(fs, audienceUsage)
	o.policies.register(fs)
	o.output.register(fs, redactUsage)
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
	if err := writeReport(s, o.output, rep); err != nil {
		return err
	}
	set, _ := opts.Policies.(*policyset.Set)
	if err := policyProblems(s, set); err != nil {
		return err
	}
	return exitWith(rep.ExitCode())
}
