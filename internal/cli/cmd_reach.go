package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
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
--default-branch names another: scheduled jobs run on it and pull requests
target it (pull_request_target also each branch the conditions mention),
from a branch of their own.`,
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
	set, err := loadPolicySet(o.policies.files, o.policies.dirs, s.in)
	if err != nil {
		return err
	}
	var tables []reach.Table
	for _, p := range set.Policies() {
		t, err := reach.Of(p, o.ctx)
		if err != nil {
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
	return policyProblems(s, set)
}

// writeReach lays the tables out: per policy, the rows it allows (all
// rows with all), then its notes.
func writeReach(w io.Writer, tables []reach.Table, all bool) error {
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		allowed := t.Allowed()
		b.WriteString(fmt.Sprintf("%s: lets in %d of %d simulated jobs\n", escape.Text(t.Policy), len(allowed), len(t.Rows)))
		rows := allowed
		if all {
			rows = t.Rows
		}
		for _, r := range rows {
			env := r.Environment
			if env == "" {
				env = "-"
			}
			b.WriteString(fmt.Sprintf("  %s %-20s %-28s %-16s %-9s %s\n", view.VerdictMark(r.Verdict).Symbol, escape.Text(r.Event), escape.Text(r.Ref), escape.Text(env), r.Subject, escape.Text(r.Sub)))
		}
		for _, n := range t.Notes {
			b.WriteString("note: " + escape.Text(n) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
