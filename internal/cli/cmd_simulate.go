package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/simulate"
)

// simulateOptions are the flags of simulate: the job's context, and the
// policies to check its token against.
type simulateOptions struct {
	ctx       simulate.Context
	template  string
	from, job string
	policies  policyFlags
	json      bool
}

// newSimulateCmd is `oidcscope simulate`: the token GitHub would issue a
// job that has not run yet, checked against the policies.
func newSimulateCmd(s streams) *cobra.Command {
	var o simulateOptions
	cmd := &cobra.Command{
		Use:   "simulate --repo OWNER/REPO --event EVENT [--ref REF] [--policy FILE]…",
		Short: "the token a workflow job would get, before it runs (simulated, unsigned)",
		Long: `Build the claims GitHub would put in a job's OIDC token from its context —
repository, event, ref, environment, workflows, the repository's sub
template — and check them against the given policies. Nothing is signed: the
token is marked simulated, and claims only a real run has (run IDs, SHAs)
are placeholders. --from reads the event, environment and reusable workflow
from a workflow file, one simulated token per trigger.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return simulateRun(&o, s) },
	}
	fs := cmd.Flags()
	c := &o.ctx
	fs.StringVar(&c.Repository, "repo", "", "the repository, OWNER/REPO")
	fs.StringVar(&c.OwnerID, "owner-id", "", "repository_owner_id (needed for immutable subjects and ID conditions)")
	fs.StringVar(&c.RepoID, "repo-id", "", "repository_id")
	fs.StringVar(&c.Event, "event", "", "event_name: push, pull_request, workflow_dispatch, …")
	fs.StringVar(&c.Ref, "ref", "", "refs/heads/B, refs/tags/T or a branch name; for pull requests the PR's branch")
	fs.StringVar(&c.BaseRef, "base-ref", "", "pull requests: the target branch (default main)")
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
	o.policies.register(fs)
	fs.BoolVar(&o.json, "json", false, "print the simulation as JSON (schema oidcscope/v1, simulated: true)")
	return cmd
}

// simulatedToken is one simulated token with the policies' results.
type simulatedToken struct {
	Trigger      string          `json:"trigger,omitempty"`
	Claims       map[string]any  `json:"claims"`
	Placeholders []string        `json:"placeholders"`
	Notes        []string        `json:"notes"`
	Policies     []policy.Result `json:"policies"`
}

func simulateRun(o *simulateOptions, s streams) error {
	if o.template != "" {
		o.ctx.SubTemplate = strings.Split(o.template, ",")
	}
	if o.ctx.At.IsZero() {
		o.ctx.At = time.Now().UTC().Truncate(time.Second) // issued now: the time claims read as a fresh token's
	}
	contexts, err := o.contexts()
	if err != nil {
		return err
	}
	var set *policyset.Set
	if o.policies.given() {
		set = policyset.Loader{}.Load(o.policies.files, o.policies.dirs, s.in)
	}
	var out []simulatedToken
	worst := exitOK
	for _, tr := range contexts {
		sim, err := simulate.Build(tr.Context)
		if err != nil {
			return usageFrom(err)
		}
		st := simulatedToken{Claims: sim.Claims, Placeholders: sim.Placeholders, Notes: append(sim.Notes, tr.Notes...), Policies: []policy.Result{}}
		if o.from != "" {
			st.Trigger = tr.Context.Event + " " + tr.Context.Ref
		}
		if set != nil {
			tok, err := sim.Token()
			if err != nil {
				return failf("simulated token: %w", err)
			}
			st.Policies = set.Evaluate(tok)
			for _, r := range st.Policies {
				if r.Verdict != policy.Allow {
					worst = exitFailed
				}
			}
		}
		out = append(out, st)
	}
	if o.json {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"schema": inspect.Schema, "simulated": true, "tokens": out}); err != nil {
			return exitWith(exitProblem)
		}
	} else if err := writeSimulation(s.out, out); err != nil {
		return exitWith(exitProblem)
	}
	if set != nil && set.Failed() {
		for _, r := range set.Failures() {
			fmt.Fprintf(s.errOut, "oidcscope: policy %s: %s\n", escape.Text(r.Source), escape.Text(r.Error))
		}
		return exitWith(exitProblem)
	}
	return exitWith(worst)
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

// usageFrom is a context GitHub could not have run: the user's input.
func usageFrom(err error) error {
	if errors.Is(err, simulate.ErrContext) {
		return usagef("%s", escape.Text(err.Error()))
	}
	return failf("%w", err)
}

// writeSimulation lays the simulated tokens out as text: the banner, the
// claims, what is made up, and each policy's verdict with the conditions
// that fail. Everything from the command line or a policy is escaped.
func writeSimulation(w io.Writer, toks []simulatedToken) error {
	var b strings.Builder
	for i, st := range toks {
		if i > 0 {
			b.WriteString("\n")
		}
		head := "simulated, unsigned"
		if st.Trigger != "" {
			head += " · " + escape.Text(st.Trigger)
		}
		b.WriteString(head + ": the claims GitHub would issue this job (no run exists; nothing is signed)\n")
		data, err := json.MarshalIndent(st.Claims, "", "  ")
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			b.WriteString(escape.Text(line) + "\n")
		}
		if len(st.Placeholders) > 0 {
			b.WriteString("made up (only a real run has them): " + strings.Join(st.Placeholders, ", ") + "\n")
		}
		for _, n := range st.Notes {
			b.WriteString("note: " + escape.Text(n) + "\n")
		}
		for _, r := range st.Policies {
			b.WriteString(fmt.Sprintf("%s %-6s %s  %s  %s\n", view.VerdictMark(r.Verdict).Symbol, r.Verdict, escape.Text(r.Provider), escape.Text(r.Name), escape.Text(r.Source)))
			if r.Verdict != policy.Allow && r.Summary != "" {
				b.WriteString("    " + escape.Text(r.Summary) + "\n")
			}
			for _, c := range r.Conditions {
				if c.Result == policy.Fail || c.Result == policy.Errored {
					b.WriteString("    ✗ " + escape.Text(c.Expression) + "\n")
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
