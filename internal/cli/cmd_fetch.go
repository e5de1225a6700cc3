package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/actions/fetchrun"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
)

// fetchOptions are the flags of fetch: inspect's groups but the demo, with
// --audience read as the audience to request and --redact on by default,
// and fetch's own.
type fetchOptions struct {
	// inspectOptions' demo is registered hidden so that --demo is refused
	// by name (fetch requests the job's real token), not merely unknown.
	inspectOptions
	noRedact   bool
	printToken bool
	noFail     bool
}

const fetchAudienceUsage = "audience to request (repeatable: one token each; default: the audience the given policies expect, else GitHub's default, the repository owner's URL); each token's aud is checked against it"

func (o *fetchOptions) register(fs *pflag.FlagSet) {
	o.output.redact = redact.Signature // before registering: the default shown in help
	o.registerAs(fs, fetchAudienceUsage, "hide in every output the signature (the default, alone: --redact), ids (the signature, numeric IDs and jti) or none")
	fs.BoolVar(&o.noRedact, "no-redact", false, "same as --redact=none")
	fs.BoolVar(&o.printToken, "print-token", false, "print the raw token(s) on stdout, one a line, and the report on stderr: a live credential until it expires")
	fs.BoolVar(&o.noFail, "no-fail", false, "exit 0 when a given policy denies (checks and fetch problems still fail)")
	for _, name := range []string{"demo", "demo-set"} {
		fs.Lookup(name).Hidden = true
	}
}

// demoGiven is the demo flag given, as typed, or "".
func (o *fetchOptions) demoGiven(fs *pflag.FlagSet) string {
	if fs.Changed("demo-set") {
		return "--demo-set=" + o.demo.set
	}
	if fs.Changed("demo") {
		return "--demo"
	}
	return ""
}

// fetchCommand is `oidcscope fetch`; client is how it reaches the runner,
// so tests can put an httptest server in its place.
type fetchCommand struct {
	client actions.Client
}

func newFetchCmd(s streams, client actions.Client) *cobra.Command {
	var o fetchOptions
	cmd := &cobra.Command{
		Use:   "fetch [flags]",
		Short: "in a GitHub Actions job: fetch the job's token, check it",
		Long:  fetchLong,
		RunE: func(cmd *cobra.Command, args []string) error {
			if d := o.demoGiven(cmd.Flags()); d != "" {
				return usagef("%s signs a demo token, and fetch requests the job's real one: run oidcscope inspect --demo", d)
			}
			return fetchCommand{client: client}.run(&o, args, s)
		},
	}
	o.register(cmd.Flags())
	return cmd
}

const fetchLong = `Inside a GitHub Actions job with permissions: id-token: write, request the
job's own OIDC token (one per audience), then inspect it as 'oidcscope
inspect' does, against the given policies. The token is never printed (unless
--print-token) nor written anywhere. When GITHUB_STEP_SUMMARY is set a
Markdown report is appended to the step summary; when GITHUB_OUTPUT is set
the step outputs sub, aud and verdict (none, allow, deny or error) are set.

Exit codes: 0 every check passed and every given policy allows (or --no-fail),
            1 a check failed or a given policy denies,
            2 the token could not be fetched, or bad usage.`

func (c fetchCommand) run(o *fetchOptions, positional []string, s streams) error {
	if len(positional) > 0 {
		// Not echoed: it may well be a token pasted by mistake.
		return usagef("fetch requests the job's own token and takes no TOKEN argument (got %d); to inspect a token you have, run oidcscope inspect", len(positional))
	}
	if o.noRedact {
		o.output.redact = redact.None
	}
	// The other flags are checked before anything is requested; the
	// policies are loaded here so each token meets only those that want
	// its audience.
	checks := o.inspectOptions // a copy: the audiences are those to request
	checks.checks.audiences = nil
	opts, err := checks.checkOptions(s.getenv)
	if err != nil {
		return err
	}
	set, err := loadPolicySet(o.policies.files, o.policies.dirs, s.in)
	if err != nil {
		return fetchFailed(s, "No policy found", err)
	}
	pols := set.Policies()
	sayPolicySkips(s, set.SkipNote())
	if set != nil && set.Failed() {
		failures := set.Failures()
		for _, r := range failures {
			fmt.Fprintf(s.errOut, "oidcscope: policy %s: %s\n", escape.Text(r.Source), escape.Text(r.Error))
		}
		return fetchFailed(s, "A policy could not be read", fmt.Errorf("%d policy document(s) could not be read or recognised: %s", len(failures), failures[0].Source))
	}
	runner, err := actions.RunnerFromEnv(s.getenv)
	if err != nil {
		return fetchFailed(s, "No token to fetch", err)
	}
	plans := fetchrun.PlanTokens(o.checks.audiences, pols)
	ctx := context.Background()
	tokens := make([]string, len(plans))
	for i, p := range plans {
		if tokens[i], err = c.client.IDToken(ctx, runner, p.Audience); err != nil {
			return fetchFailed(s, "Could not fetch the token", fmt.Errorf("requesting the %s: %w", p.What(), err))
		}
	}
	reports := make([]*inspect.Report, len(plans))
	for i, p := range plans {
		to := fetchrun.TokenOptions(opts, p, tokens[i], s.getenv)
		to.PoliciesAny = o.policies.any
		reports[i] = inspect.Run(ctx, to)
	}
	res := fetched{plans: plans, tokens: tokens, reports: reports, anyPolicy: o.policies.any}
	return exitWith(finish(res, o, s))
}
