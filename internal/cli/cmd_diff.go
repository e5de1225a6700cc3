package cli

import (
	"context"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/tokendiff"
)

const diffRedactUsage = "hide in the output ids (numeric IDs and jti; alone: --redact), or none (the default), to paste it where others read it"

// newDiffCmd is `oidcscope diff A B`: "works on main, fails on the PR".
func newDiffCmd(s streams) *cobra.Command {
	var o inspectOptions // but the demo, which signs one token
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "compare two tokens: the claims that differ and each policy's verdict for both",
		Long: `Inspect two tokens with the same keys, checks and policies and compare them,
for "works on main, fails on the PR": the claims that differ (iat, nbf, exp
and jti, which differ between any two tokens, are left out), the checks
whose outcome differs, and each policy's verdict for both tokens with the
conditions that flip it. A and B are each a file (or @FILE), - for stdin
(one of them at most), or the token itself.

Exit code: 0 when every policy gives both tokens the same verdict (or no
policy is loaded), 1 when a verdict flips, 2 when an input holds no token,
a key source or a policy cannot be used, or on bad usage.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return diffRun(&o, args, s) },
	}
	fs := cmd.Flags()
	o.keys.register(fs)
	o.checks.register(fs, inspectAudienceUsage)
	o.policies.register(fs)
	o.output.registerIDsOnly(fs, diffRedactUsage)
	return cmd
}

// diffSide is one compared token: where it came from and its report.
type diffSide struct {
	label  string // the file, "stdin" or "the token argument"; never the token
	report *inspect.Report
}

func diffRun(o *inspectOptions, args []string, s streams) error {
	if args[0] == "-" && args[1] == "-" {
		return usagef("stdin can carry one of the tokens, not both: pass the other as a FILE or the token")
	}
	if (args[0] == "-" || args[1] == "-") && slices.Contains(o.policies.files, "-") {
		return usagef("stdin can carry a token or a policy, not both: pass the token as a FILE")
	}
	opts, err := o.checkOptions(s.getenv)
	if err != nil {
		return err
	}
	set, err := o.policies.load(&opts, s.in)
	if err != nil {
		return err
	}
	session := inspect.NewSession(opts)
	var sides [2]diffSide
	for i, arg := range args {
		label, input, err := diffInput(arg, s, o.checks.maxSize)
		if err != nil {
			return usagef("%s: %w", "AB"[i:i+1], err)
		}
		sides[i] = diffSide{label: label, report: session.Inspect(context.Background(), input)}
	}
	// The redacted reports are shown; the verdicts, which decide the exit
	// code, are the same in both.
	a, b := redact.Report(sides[0].report, o.output.redact), redact.Report(sides[1].report, o.output.redact)
	d := tokendiff.Of(a, b)
	shown := [2]diffSide{{sides[0].label, a}, {sides[1].label, b}}
	if o.output.json {
		err = writeDiffJSON(s, shown, d)
	} else {
		err = writeDiffText(s, shown, d)
	}
	if err != nil {
		return err
	}
	if err := policyProblems(s, set); err != nil {
		return err
	}
	return exitWith(diffExitCode(sides, d))
}

// diffExitCode: 2 when either token's own inspection could not be made
// (no token, an unusable key source), 1 when a verdict flips, else 0.
func diffExitCode(sides [2]diffSide, d tokendiff.Diff) int {
	for _, sd := range sides {
		if sd.report.ExitCode() == exitProblem {
			return exitProblem
		}
	}
	if len(d.Flips()) > 0 {
		return exitFailed
	}
	return exitOK
}

// diffInput reads one side: - (stdin), @FILE or a FILE that exists, or
// else the argument is the token itself, which is never echoed.
func diffInput(arg string, s streams, maxSize int) (label string, input []byte, err error) {
	switch {
	case arg == "-":
		label = "stdin"
	case strings.HasPrefix(arg, "@"):
		label = arg[1:]
	default:
		if fi, err := os.Stat(arg); err == nil && fi.Mode().IsRegular() {
			label, arg = arg, "@"+arg
		} else {
			label = "the token argument"
		}
	}
	input, err = readToken([]string{arg}, s.in, maxSize)
	return label, input, err
}
