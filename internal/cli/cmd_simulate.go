package cli

import (
	"context"
	"errors"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/setting"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/simulate"
	"github.com/oidcscope/oidcscope/verify"
)

// simulateOptions are the flags of simulate: the job's context, and what
// inspect takes that applies to a token nobody signed.
type simulateOptions struct {
	ctx       simulate.Context
	template  string
	from, job string
	checks    checkFlags // issuer, leeway, at, highlight
	policies  policyFlags
	output    outputFlags
}

const simulateRedactUsage = "hide in the report ids (numeric IDs and jti; alone: --redact), or none (the default), to paste it where others read it"

// newSimulateCmd is `oidcscope simulate`: the token GitHub would issue a
// job that has not run yet, through the whole pipeline.
func newSimulateCmd(s streams) *cobra.Command {
	var o simulateOptions
	cmd := &cobra.Command{
		Use:   "simulate --repo OWNER/REPO --event EVENT [--ref REF] [--policy FILE]…",
		Short: "the token a workflow job would get, before it runs (simulated, unsigned)",
		Long: `Build the claims GitHub would put in a job's OIDC token from its context —
repository, event, ref, environment, workflows, the repository's sub
template — and run the whole inspect pipeline on them: the checks, every
policy with its diagnosis and suggestions, the claims explained. Nothing is
signed: the report leads with "simulated, unsigned", and claims only a real
run has (run IDs, SHAs) are listed as made up. --from reads the event,
environment and reusable workflow from a workflow file, one report per
trigger followed by a summary of the verdicts (with --json: an object whose
"reports" lists them; one trigger prints the plain report); --event with
--from keeps only that event's triggers.

--audience is the audience the job requests (the token's aud), not an
expected one. Exit code: 0 when every report passes (every policy allows, or
one with --any), 1 when one does not, 2 for a context GitHub could not run
or a policy that cannot be read.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return simulateRun(&o, s) },
	}
	fs := cmd.Flags()
	c := &o.ctx
	fs.StringVar(&c.Repository, "repo", "", "the repository, OWNER/REPO")
	fs.StringVar(&c.OwnerID, "owner-id", "", "repository_owner_id (needed for immutable subjects and ID conditions)")
	fs.StringVar(&c.RepoID, "repo-id", "", "repository_id")
	fs.StringVar(&c.Event, "event", "", "event_name: push, pull_request, workflow_dispatch, …; with --from, only the file's triggers of this event (exit 2 when it has none)")
	fs.StringVar(&c.Ref, "ref", "", "refs/heads/B, refs/tags/T or a branch name; for pull requests the PR's branch")
	fs.StringVar(&c.BaseRef, "base-ref", "", "pull requests: the target branch (default: the default branch)")
	fs.StringVar(&c.HeadRef, "head-ref", "", "pull requests: the PR's branch, the base's name too for a fork's (default: --ref, else feature, made up)")
	fs.StringVar(&c.DefaultBranch, "default-branch", "", "the repository's default branch: the ref when none is given, of jobs that run only there (schedule, workflow_run, pull_request_target) and pull requests' target (default main)")
	fs.StringVar(&c.Environment, "environment", "", "the job's environment")
	fs.StringVar(&c.Workflow, "workflow", "", "the calling workflow, .github/workflows/FILE")
	fs.StringVar(&c.JobWorkflow, "job-workflow", "", "a reusable workflow defining the job: OWNER/REPO/.github/workflows/FILE@REF")
	fs.StringVar(&o.template, "sub-template", "", "the repository's include_claim_keys, comma-separated (e.g. repo,context,job_workflow_ref)")
	fs.BoolVar(&c.Immutable, "immutable-sub", false, "the repository uses immutable subjects (repo:OWNER@ID/REPO@ID)")
	fs.StringVar(&c.Runner, "runner", "", "github-hosted (default) or self-hosted")
	fs.StringVar(&c.Enterprise, "enterprise", "", "the enterprise's slug")
	fs.BoolVar(&c.EnterpriseIssuer, "enterprise-issuer", false, "the enterprise uses its unique issuer (…/<slug>)")
	fs.StringVar(&c.Audience, "audience", "", "the audience the job requests (default https://github.com/OWNER)")
	fs.StringVar(&c.Visibility, "visibility", "", "public, private (default) or internal")
	fs.BoolVar(&c.Protected, "protected", false, "the ref is protected")
	fs.StringVar(&o.from, "from", "", "read the triggers, environment and reusable workflow from this workflow `FILE`")
	fs.StringVar(&o.job, "job", "", "with --from: the job (needed when the file has several)")
	o.checks.registerClaimChecks(fs, "the instant the job runs and the claims are checked at, `RFC3339|unix` (default now)")
	o.policies.register(fs)
	o.output.registerIDsOnly(fs, simulateRedactUsage)
	return cmd
}

// simulatedReport is one simulated job's report; trigger names it when
// the job came from --from.
type simulatedReport struct {
	trigger string
	report  *inspect.Report
}

func simulateRun(o *simulateOptions, s streams) error {
	if err := needRepo(o.ctx.Repository); err != nil {
		return err
	}
	if o.template != "" {
		o.ctx.SubTemplate = strings.Split(o.template, ",")
	}
	base, err := o.checks.claimOptions()
	if err != nil {
		return err
	}
	if o.ctx.At.IsZero() {
		o.ctx.At = time.Now().UTC().Truncate(time.Second) // issued now: the time claims read as a fresh token's
		if !base.At.IsZero() {
			o.ctx.At = base.At // --at: the job runs then
		}
	}
	contexts, err := o.contexts()
	if err != nil {
		return err
	}
	set, err := o.policies.load(&base, s.in)
	if err != nil {
		return err
	}
	reports := make([]simulatedReport, 0, len(contexts))
	for _, tr := range contexts {
		sr, err := o.simulateOne(tr, base)
		if err != nil {
			return err
		}
		reports = append(reports, sr)
	}
	if err := writeSimulated(s, o.output, reports); err != nil {
		return err
	}
	if err := policyProblems(s, set); err != nil {
		return err
	}
	worst := exitOK
	for _, sr := range reports {
		worst = max(worst, sr.report.ExitCode())
	}
	return exitWith(worst)
}

// simulateOne builds one job's claims and runs the pipeline on them.
func (o *simulateOptions) simulateOne(tr simulate.Trigger, base inspect.Options) (simulatedReport, error) {
	sim, err := simulate.Build(tr.Context)
	if err != nil {
		return simulatedReport{}, usageFrom(err)
	}
	payload, err := sim.Payload()
	if err != nil {
		return simulatedReport{}, failf("%w", err)
	}
	sr := simulatedReport{}
	if o.from != "" {
		sr.trigger = tr.Name()
	}
	opts := base
	opts.Input, opts.Unsigned = payload, inspect.Simulated
	at := tr.Context.At
	opts.Now = func() time.Time { return at }
	opts.Notes = simulationNotes(sr.trigger, sim, tr.Notes)
	sr.report = inspect.Run(context.Background(), opts)
	return sr, nil
}

// simulationNotes lead the report: what the claims are, what in them is
// made up, and what the simulation assumed.
func simulationNotes(trigger string, sim simulate.Simulation, more []string) []string {
	what := "the claims GitHub would issue this job"
	if trigger != "" {
		what += " on " + trigger
	}
	notes := []string{"simulated: " + what + "; no run exists and nothing is signed"}
	if len(sim.Placeholders) > 0 {
		notes = append(notes, "made up (only a real run has them): "+strings.Join(sim.Placeholders, ", "))
	}
	notes = append(notes, sim.Notes...)
	return append(notes, more...)
}

// contexts are the flags' one context, or one per trigger of --from.
func (o *simulateOptions) contexts() ([]simulate.Trigger, error) {
	if o.from == "" {
		return []simulate.Trigger{{Context: o.ctx}}, nil
	}
	data, err := os.ReadFile(o.from)
	if err != nil {
		return nil, failf("--from: %w", err)
	}
	trs, err := simulate.FromWorkflow(o.from, data, o.job, o.ctx)
	if err != nil {
		return nil, usageFrom(err)
	}
	return trs, nil
}

// needRepo is the usage error of simulate and reach without --repo: a
// job runs in a repository, and no default would be right.
func needRepo(repo string) error {
	if repo == "" {
		return usagef("give the repository: --repo OWNER/REPO")
	}
	return nil
}

// usageFrom is a context GitHub could not have run: the user's input.
func usageFrom(err error) error {
	if errors.Is(err, simulate.ErrContext) {
		return usagef("%w", err) // exitCodeOf escapes every message
	}
	return failf("%w", err)
}

// simulateWords words as flags only the settings simulate takes: its
// --audience is the audience the job requests, not an expected one, and
// it has no key source.
func simulateWords(id setting.ID) string {
	if id == setting.Issuer || id == setting.Highlight {
		return flagwords.Names(id)
	}
	return ""
}

// claimOptions are the pipeline options of the checks that read claims
// alone (no keys): the providers, the expected issuer, leeway, highlights
// and --at.
func (c *checkFlags) claimOptions() (inspect.Options, error) {
	opts := inspect.Options{
		Providers: policyset.All(),
		Issuer:    c.issuer,
		Leeway:    c.leeway,
		Highlight: c.highlight.split(),
		Source:    verify.Source{Offline: true, Names: simulateWords},
	}
	var err error
	opts.At, err = c.instant()
	return opts, err
}
