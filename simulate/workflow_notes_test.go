package simulate

import (
	"strings"
	"testing"
)

// TestFromWorkflowNotesSayWhatTheFileSays: each --from note is true of
// the file: a merge queue is no pull request, and a tag pushed to a
// workflow filtering only branches is excluded because GitHub runs such
// a trigger for no tag, not by a tags filter the file does not have.
func TestFromWorkflowNotesSayWhatTheFileSays(t *testing.T) {
	tests := []struct {
		name, on string
		base     Context
		want     string // in some note
		not      string // in no note
	}{
		{"merge_group, no base", "merge_group:", Context{},
			"no target branch in the file: a merge queue for the default branch, main, assumed", "pull request"},
		{"pull_request, no base", "pull_request:", Context{},
			"no target branch in the file: a pull request into the default branch, main, assumed", ""},
		{"tag on a branches-only push", "push: {branches: [main]}", Context{Ref: "refs/tags/v1"},
			"the workflow filters only branches, so GitHub runs this trigger for no tag", "tags filters"},
		{"branch on a tags-only push", "push: {tags: ['v*']}", Context{Ref: "main"},
			"the workflow filters only tags, so GitHub runs this trigger for no branch", "branches filters"},
		{"tag the tags filter excludes", "push: {tags: ['v*']}", Context{Ref: "refs/tags/x1"},
			"the workflow's tags filters exclude it", ""},
		{"branch the branches filter excludes", "push: {branches: [main]}", Context{Ref: "dev"},
			"the workflow's branches filters exclude it", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := "on:\n  " + tt.on + "\njobs:\n  j:\n    runs-on: ubuntu-latest\n"
			tt.base.Repository = "o/r"
			trs, err := FromWorkflow(".github/workflows/w.yml", []byte(file), "", tt.base)
			if err != nil {
				t.Fatal(err)
			}
			var notes []string
			for _, tr := range trs {
				notes = append(notes, tr.Notes...)
			}
			all := strings.Join(notes, "\n")
			if !strings.Contains(all, tt.want) {
				t.Errorf("no note says %q:\n%s", tt.want, all)
			}
			if tt.not != "" && strings.Contains(all, tt.not) {
				t.Errorf("a note says %q:\n%s", tt.not, all)
			}
		})
	}
}
