package simulate

import (
	"fmt"
	"strings"
	"testing"
)

// --from builds only triggers GitHub runs: a branch or tag filter's
// negated entries and its *-ignore lists exclude refs (and are never a
// ref themselves), workflow_run runs on the default branch (its branches
// filter is the triggering workflow's), merge_group on its queue branch.
// A ref or base the user gives is kept, but when the file's filters
// exclude it, a note says GitHub would not run that trigger; a head given
// for a pull request keeps the filter's targets.
func TestFromWorkflowFilters(t *testing.T) {
	tests := []struct {
		name, on string
		base     Context
		want     []string // per trigger: event ref base_ref head_ref
		note     string   // a note some trigger must carry
	}{
		{"push ignores main", "push: {branches-ignore: [main]}", Context{},
			[]string{"push refs/heads/feature  "}, ""},
		{"negated branch", "push: {branches: ['releases/**', '!releases/old']}", Context{},
			[]string{"push refs/heads/releases/1.0.0  "}, ""},
		{"negated pull request target", "pull_request: {branches: [main, '!release']}", Context{},
			[]string{"pull_request refs/pull/1/merge main feature"}, ""},
		{"pull_request_target ignores main", "pull_request_target: {branches-ignore: [main]}", Context{},
			[]string{"pull_request_target refs/heads/main feature feature-1"}, ""},
		{"workflow_run on the default branch", "workflow_run: {workflows: [ci], branches: [release]}", Context{DefaultBranch: "trunk"},
			[]string{"workflow_run refs/heads/trunk  "}, ""},
		{"merge_group on its queue branch", "merge_group:", Context{},
			[]string{"merge_group refs/heads/gh-readonly-queue/main/pr-1-0000000000000000000000000000000000000000  "}, ""},
		{"tags only: no branch push", "push: {tags: ['v*']}", Context{},
			[]string{"push refs/tags/v1.0.0  "}, ""},
		{"given ref the filter excludes", "push: {branches: [main]}", Context{Ref: "dev"},
			[]string{"push dev  "}, "GitHub would not run"},
		{"given base the filter excludes: one trigger", "pull_request: {branches: [main, release, 'rel/*']}", Context{BaseRef: "develop"},
			[]string{"pull_request refs/pull/1/merge develop feature"}, "GitHub would not run"},
		{"given head keeps the filter's targets", "pull_request: {branches: [release]}", Context{Ref: "fix/x"},
			[]string{"pull_request refs/pull/1/merge release fix/x"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := "on:\n  " + tt.on + "\njobs:\n  j:\n    runs-on: ubuntu-latest\n"
			tt.base.Repository = "o/r"
			trs, err := FromWorkflow(".github/workflows/w.yml", []byte(file), "", tt.base)
			if err != nil {
				t.Fatal(err)
			}
			var got, notes []string
			for _, tr := range trs {
				sim, err := Build(tr.Context)
				if err != nil {
					t.Fatal(err)
				}
				ref := sim.Claims["ref"].(string)
				if tt.base.Ref != "" && tr.Context.Ref == tt.base.Ref && !pullRequestEvent(tr.Context.Event) {
					ref = tt.base.Ref
				}
				got = append(got, fmt.Sprintf("%s %s %s %s", tr.Context.Event, ref, sim.Claims["base_ref"], sim.Claims["head_ref"]))
				notes = append(append(notes, tr.Notes...), sim.Notes...)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("triggers\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.note != "" && !strings.Contains(strings.Join(notes, "\n"), tt.note) {
				t.Errorf("no note says %q:\n%s", tt.note, strings.Join(notes, "\n"))
			}
		})
	}
}
