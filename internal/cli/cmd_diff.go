package cli

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report/view"
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
(one of them at most), or the token itself. Before a job has run, A or B
may be what simulate --json printed for it: its claims are compared as a
simulated, unsigned token (a report of several triggers is refused: save
one trigger's).

Exit code: 0 when every policy gives both tokens the same verdict (or no
policy is loaded), 1 when a verdict flips, 2 when an input holds no token
(stderr says which and why), a key source or a policy cannot be used, or
on bad usage.`,
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
		report, err := diffInspect(session, input)
		if err != nil {
			return failf("%s (%s) is %w", "AB"[i:i+1], label, err)
		}
		sides[i] = diffSide{label: label, report: report}
	}
	// The redacted reports are shown; the verdicts, which decide the exit
	// code, are the same in both.
	a, b := redact.Report(sides[0].report, o.output.redact), redact.Report(sides[1].report, o.output.redact)
	d := tokendiff.Of(a, b)
	shown := [2]diffSide{{sides[0].label, a}, {sides[1].label, b}}
	if o.output.json {
		err = writeDiffJSON(s, shown, d)
	} else {
		err = writeDiffText(s, shown, d, policiesLoaded(set))
	}
	if err != nil {
		return err
	}
	if err := policyProblems(s, set); err != nil {
		return err
	}
	sayNotTokens(s, sides)
	return exitWith(diffExitCode(sides, d))
}

// policiesLoaded counts the policies --policy and --policy-dir gave,
// those that could not be read included.
func policiesLoaded(set *policyset.Set) int {
	if set == nil {
		return 0
	}
	return set.Len()
}

// diffInspect runs the pipeline on one side's input. An oidcscope report
// of one simulated job (simulate --json) is compared as the unsigned
// token it describes, for "works on main, fails on the PR" before either
// job has run; any other oidcscope report is refused with why.
func diffInspect(session inspect.Session, input []byte) (*inspect.Report, error) {
	claims, label, isReport, err := tokendiff.ReportClaims(input)
	switch {
	case err != nil:
		return nil, err
	case isReport:
		return session.InspectClaims(context.Background(), claims, label), nil
	}
	return session.Inspect(context.Background(), input), nil
}

// notToken says why a side holds no claims to compare ("" when it does):
// inspect's own problems with the input, as inspect lists them.
func notToken(r *inspect.Report) string {
	if r.Token != nil && r.Token.Payload.Kind == decode.Object {
		return ""
	}
	var why []string
	for _, p := range view.Problems(r) {
		why = append(why, p.Stage+": "+p.Message)
	}
	if len(why) == 0 {
		// A JWE: a token, but its claims are encrypted.
		why = append(why, "no claims to compare: "+view.HeadlineOf(r).Kind+" holds them encrypted")
	}
	return strings.Join(why, "; ")
}

// sayNotTokens names on stderr each side that holds no token, and why:
// the reason for exit 2, which a comparison of nothing would hide.
func sayNotTokens(s streams, sides [2]diffSide) {
	for i, sd := range sides {
		if why := notToken(sd.report); why != "" {
			// why is escaped already (view.Problems).
			fmt.Fprintf(s.errOut, "oidcscope: %s (%s) is not a token: %s\n", "AB"[i:i+1], escape.Text(sd.label), why)
		}
	}
}

// diffExitCode: 2 when either side holds no token to compare or its own
// inspection could not be made (an unusable key source), 1 when a verdict
// flips, else 0.
func diffExitCode(sides [2]diffSide, d tokendiff.Diff) int {
	for _, sd := range sides {
		if sd.report.ExitCode() == exitProblem || notToken(sd.report) != "" {
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
