package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/reach"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/simulate"
)

// reachOptions are the flags of reach.
type reachOptions struct {
	ctx      simulate.Context
	policies policyFlags
	all      bool
	json     bool
}

// newReachCmd is `oidcscope reach`: which jobs of a repository a policy
// lets in, by its own matcher on simulated tokens.
func newReachCmd(s streams) *cobra.Command {
	var o reachOptions
	cmd := &cobra.Command{
		Use:   "reach --policy FILE --repo OWNER/REPO",
		Short: "which jobs of a repository a policy lets in (events, refs, environments, subject forms)",
		Long: `For each policy, simulate the token of every event, ref and environment its
conditions mention, in the legacy and immutable subject forms and after a
rename, and run the policy's own matcher on each: the rows it allows. A row
for the environment "other" shows a policy that lets in any environment; one
for "NAME-other", any that starts with NAME. The default branch is main unless
--default-branch names another: scheduled jobs run on it, and so does every
pull_request_target (GitHub runs it from the default branch whatever the
base). A pull request's rows (shown HEAD→BASE) target the default branch and
each branch the conditions on base_ref or head_ref name, from each of those
(a fork's main into main is the commonest pull request) and from a made-up
branch.

Jobs the provider cannot evaluate the policy for are counted apart, listed
(marked !) and their reasons noted. A policy it evaluates for no job (it
would refuse to load or compile it) has no table: its error is printed in
its place. Exit code: 0 when every policy has its table, whatever it lets
in; 2 for bad usage, a policy that cannot be read, or one that cannot be
evaluated for any job (the other policies still get their tables).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return reachRun(&o, s) },
	}
	fs := cmd.Flags()
	fs.StringVar(&o.ctx.Repository, "repo", "", "the repository, OWNER/REPO")
	fs.StringVar(&o.ctx.OwnerID, "owner-id", "", "repository_owner_id (the immutable-subject rows need both IDs)")
	fs.StringVar(&o.ctx.RepoID, "repo-id", "", "repository_id")
	fs.StringVar(&o.ctx.DefaultBranch, "default-branch", "", "the repository's default branch: the ref of jobs that run only there (schedule, …) and pull requests' target branch (default main)")
	fs.StringVar(&o.ctx.Audience, "audience", "", "the audience the jobs request (default: one the policy names, else its provider's)")
	o.policies.register(fs)
	fs.BoolVar(&o.all, "all", false, "list the denied rows too")
	fs.BoolVar(&o.json, "json", false, "print the tables as JSON")
	return cmd
}

func reachRun(o *reachOptions, s streams) error {
	if !o.policies.given() {
		return usagef("give the policy: --policy FILE or --policy-dir DIR")
	}
	if err := needRepo(o.ctx.Repository); err != nil {
		return err
	}
	set, err := loadPolicySet(o.policies.files, o.policies.dirs, s.in)
	if err != nil {
		return err
	}
	var tables []reach.Table
	var refused []string // the sources of the policies evaluated for no job
	for _, p := range set.Policies() {
		t, err := reach.Of(p, o.ctx)
		var unevaluable *reach.UnevaluableError
		switch {
		case errors.As(err, &unevaluable):
			refused = append(refused, p.Source()) // its table says why
		case err != nil:
			return usageFrom(err)
		}
		tables = append(tables, t)
	}
	if o.json {
		if err := writeJSONDoc(s, map[string]any{"schema": inspect.Schema, "reach": tables}); err != nil {
			return err
		}
	} else if err := writeReach(s.out, tables, o.all); err != nil {
		return exitWith(exitProblem)
	}
	problems := policyProblems(s, set)
	// stderr says why the exit code is 2; the output says the provider's error.
	for _, src := range refused {
		fmt.Fprintf(s.errOut, "oidcscope: policy %s: cannot be evaluated, so it has no table\n", escape.Text(src))
	}
	if problems == nil && len(refused) > 0 {
		return exitWith(exitProblem)
	}
	return problems
}

// writeReach lays the tables out: per policy, the rows it allows and
// those it could not be evaluated for (all rows with all), then its notes
// and the reasons of those rows; for a policy evaluated for no job, its
// error.
func writeReach(w io.Writer, tables []reach.Table, all bool) error {
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		if t.Error != "" {
			b.WriteString(fmt.Sprintf("%s: cannot be evaluated: %s\n", escape.Text(t.Policy), escape.Text(t.Error)))
			continue
		}
		allowed, unknown := t.Allowed(), t.Unevaluated()
		b.WriteString(fmt.Sprintf("%s: lets in %d of %d simulated jobs", escape.Text(t.Policy), len(allowed), len(t.Rows)))
		if len(unknown) > 0 {
			b.WriteString(fmt.Sprintf("; %d could not be evaluated", len(unknown)))
		}
		b.WriteString("\n")
		for _, r := range t.Rows {
			if !all && r.Verdict != policy.Allow && r.Verdict != policy.Error {
				continue
			}
			env := r.Environment
			if env == "" {
				env = "-"
			}
			ref := escape.Text(r.Ref)
			if br := r.Branches(); br != "" {
				ref += " " + escape.Text(br)
			}
			b.WriteString(fmt.Sprintf("  %s %-20s %-28s %-16s %-9s %s\n", view.VerdictMark(r.Verdict).Symbol, escape.Text(r.Event), ref, escape.Text(env), r.Subject, escape.Text(r.Sub)))
		}
		for _, n := range t.Notes {
			b.WriteString("note: " + escape.Text(n) + "\n")
		}
		for _, r := range t.Reasons() {
			jobs := "jobs"
			if r.Jobs == 1 {
				jobs = "job"
			}
			b.WriteString(fmt.Sprintf("note: %d %s could not be evaluated: %s\n", r.Jobs, jobs, escape.Text(r.Text)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
