package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
)

// fetchFlags are what fetch adds to inspect's flags.
type fetchFlags struct {
	redact     redact.Mode
	noRedact   bool
	printToken bool
	noFail     bool
}

// fetchCommand is `oidcscope fetch`; client is how it reaches the runner,
// so tests can put an httptest server in its place.
type fetchCommand struct {
	client actions.Client
}

func runFetch(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	return fetchCommand{}.run(args, stdin, stdout, stderr, getenv)
}

// flagSet has every flag of inspect's flag set but the demo ones, with
// fetch's own added and --audience read as the audience to request.
func (fetchCommand) flagSet(f *inspectFlags, ff *fetchFlags, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.SetOutput(w)
	newInspectFlagSet(f, w).VisitAll(func(fl *flag.Flag) {
		if !demoFlags[fl.Name] && fl.Name != "redact" { // fetch's own --redact has another default
			fs.Var(fl.Value, fl.Name, fl.Usage)
		}
	})
	fs.Lookup("audience").Usage = "audience to request (repeatable: one token each; default: the audience the given policies expect, else GitHub's default, the repository owner's URL); each token's aud is checked against it"
	fs.Var(&ff.redact, "redact", "hide in every output `signature` (the default, alone: --redact), ids (the signature, numeric IDs and jti) or none")
	fs.BoolVar(&ff.noRedact, "no-redact", false, "same as --redact=none")
	fs.BoolVar(&ff.printToken, "print-token", false, "print the raw token(s) on stdout, one a line, and the report on stderr: a live credential until it expires")
	fs.BoolVar(&ff.noFail, "no-fail", false, "exit 0 when a given policy denies (checks and fetch problems still fail)")
	fs.Usage = func() {
		fmt.Fprint(w, fetchUsage)
		fs.PrintDefaults()
	}
	return fs
}

// demoFlags sign a demo token, which makes no sense where the job's real
// token is fetched: they are refused by name, not merely unknown.
var demoFlags = map[string]bool{"demo": true, "demo-set": true}

// demoFlag returns the first demo flag in args (before any "--"), or "".
func demoFlag(args []string) string {
	for _, a := range args {
		if a == "--" {
			return ""
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && demoFlags[name] {
			return a
		}
	}
	return ""
}

const fetchUsage = `Usage: oidcscope fetch [flags]

Inside a GitHub Actions job with permissions: id-token: write, request the
job's own OIDC token (one per audience), then inspect it as 'oidcscope
inspect' does, against the given policies. The token is never printed (unless
--print-token) nor written anywhere. When GITHUB_STEP_SUMMARY is set a
Markdown report is appended to the step summary; when GITHUB_OUTPUT is set
the step outputs sub, aud and verdict (none, allow, deny or error) are set.

Exit codes: 0 every check passed and every given policy allows (or --no-fail),
            1 a check failed or a given policy denies,
            2 the token could not be fetched, or bad usage.

Flags:
`

func (c fetchCommand) run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	var f inspectFlags
	ff := fetchFlags{redact: redact.Signature}
	if wantsHelp(args) {
		c.flagSet(&f, &ff, stdout).Usage()
		return 0
	}
	if d := demoFlag(args); d != "" {
		fmt.Fprintf(stderr, "oidcscope: %s signs a demo token, and fetch requests the job's real one: run oidcscope inspect --demo\n", escape.Text(d))
		return 2
	}
	fs := c.flagSet(&f, &ff, stderr)
	positional, err := parseInterspersed(fs, joinRedactValue(args))
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2 // the flag package already printed the problem
	}
	if len(positional) > 0 {
		// Not echoed: it may well be a token pasted by mistake.
		fmt.Fprintf(stderr, "oidcscope: fetch requests the job's own token and takes no TOKEN argument (got %d); to inspect a token you have, run oidcscope inspect\n", len(positional))
		return 2
	}
	if ff.noRedact {
		ff.redact = redact.None
	}
	// The other flags are checked before anything is requested; the
	// token takes the placeholder's place, and the policies are loaded
	// here so each token meets only those that want its audience.
	base := f
	base.policies, base.policyDirs, base.audiences = nil, nil, nil
	opts, code := base.options([]string{"(the fetched token)"}, stdin, stderr, getenv, false)
	if code != 0 {
		return code
	}
	pols, failures := loadPolicies(f.policies, f.policyDirs, stdin)
	if len(failures) > 0 {
		for _, r := range failures {
			fmt.Fprintf(stderr, "oidcscope: policy %s: %s\n", escape.Text(r.Source), escape.Text(r.Error))
		}
		return c.failed(stderr, getenv, "A policy could not be read", fmt.Errorf("%d policy document(s) could not be read or recognised: %s", len(failures), failures[0].Source))
	}
	runner, err := actions.RunnerFromEnv(getenv)
	if err != nil {
		return c.failed(stderr, getenv, "No token to fetch", err)
	}
	plans := planTokens(f.audiences, pols)
	ctx := context.Background()
	tokens := make([]string, len(plans))
	for i, p := range plans {
		if tokens[i], err = c.client.IDToken(ctx, runner, p.audience); err != nil {
			return c.failed(stderr, getenv, "Could not fetch the token", fmt.Errorf("requesting the %s: %w", p.what(), err))
		}
	}
	reports := make([]*inspect.Report, len(plans))
	for i, p := range plans {
		o := tokenOptions(opts, p, tokens[i], getenv)
		o.PoliciesAny = f.any
		reports[i] = inspect.Run(ctx, o)
	}
	return c.finish(fetched{plans: plans, tokens: tokens, reports: reports, anyPolicy: f.any}, ff, f.json, stdout, stderr, getenv)
}

// tokenOptions are the pipeline's options for one fetched token: the
// token, its policies, its audience as the expected aud, and a note on
// where it came from.
func tokenOptions(base inspect.Options, p tokenPlan, token string, getenv env) inspect.Options {
	o := base
	o.Input = []byte(token)
	o.Policies = policySet(p.policies)
	o.Audiences = nil
	if p.audience != "" {
		o.Audiences = []string{p.audience}
	}
	note := "fetched from the job's token endpoint"
	if p.audience != "" {
		note += " for audience " + p.audience
	}
	o.Notes = append(append([]string(nil), base.Notes...), note+": "+p.why)
	if ghes := ghesDiscovery(o.Source, token, getenv); ghes != "" {
		o.Source.Discover = true
		o.Notes = append(o.Notes, ghes)
	}
	return o
}

// joinRedactValue lets "--redact ids" (as the issue spells it) mean
// "--redact=ids": --redact is a boolean-style flag so it can stand alone,
// and the flag package would otherwise read "ids" as a token argument.
func joinRedactValue(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if (a == "--redact" || a == "-redact") && i+1 < len(args) {
			if _, err := redact.ParseMode(args[i+1]); err == nil && args[i+1] != "" {
				out = append(out, a+"="+args[i+1])
				i++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}
