package simulate

import (
	"slices"
	"strings"
	"testing"
)

// TestBuildMergeGroupRunsOnTheQueueBranch: GitHub runs a merge_group job
// on the queue's branch, refs/heads/gh-readonly-queue/<base>/pr-N-SHA,
// never on the base branch itself (JobRef): simulate --event merge_group
// must not show a policy pinned to refs/heads/main letting merge-queue
// jobs in. The made-up number and SHA are said so; a queue ref given is
// kept as given.
func TestBuildMergeGroupRunsOnTheQueueBranch(t *testing.T) {
	queue := "refs/heads/gh-readonly-queue/main/pr-1-" + queueSHA
	tests := []struct {
		name, ref, want string
		madeUp          bool
	}{
		{"no ref: the default branch's queue", "", queue, true},
		{"a base branch: its queue", "main", queue, true},
		{"another base", "refs/heads/release", "refs/heads/gh-readonly-queue/release/pr-1-" + queueSHA, true},
		{"a queue ref given is kept", "refs/heads/gh-readonly-queue/main/pr-7-abc", "refs/heads/gh-readonly-queue/main/pr-7-abc", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, err := Build(Context{Repository: "o/r", Event: "merge_group", Ref: tt.ref})
			if err != nil {
				t.Fatal(err)
			}
			if sim.Claims["ref"] != tt.want {
				t.Errorf("ref %v, want %s", sim.Claims["ref"], tt.want)
			}
			if want := "repo:o/r:ref:" + tt.want; sim.Claims["sub"] != want {
				t.Errorf("sub %v, want %s", sim.Claims["sub"], want)
			}
			if !strings.HasSuffix(sim.Claims["workflow_ref"].(string), "@"+tt.want) {
				t.Errorf("workflow_ref %v, want it at %s", sim.Claims["workflow_ref"], tt.want)
			}
			if slices.Contains(sim.Placeholders, "ref") != tt.madeUp {
				t.Errorf("ref made up: %v, want %v", slices.Contains(sim.Placeholders, "ref"), tt.madeUp)
			}
			notes := strings.Join(sim.Notes, "\n")
			if tt.madeUp && !strings.Contains(notes, "merge_group: the run is on the merge queue's branch") {
				t.Errorf("no note on the queue branch:\n%s", notes)
			}
		})
	}
}
