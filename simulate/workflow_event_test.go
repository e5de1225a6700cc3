package simulate

import (
	"errors"
	"strings"
	"testing"
)

// TestFromWorkflowEvent: an event given with the file (--event with
// --from) keeps only that event's triggers; an event the file does not
// trigger on is the user's error, naming the events it has.
func TestFromWorkflowEvent(t *testing.T) {
	file := []byte("on:\n  push: {branches: [main]}\n  pull_request:\n  workflow_dispatch:\njobs:\n  j:\n    runs-on: ubuntu-latest\n")
	trs, err := FromWorkflow(".github/workflows/w.yml", file, "", Context{Repository: "o/r", Event: "push"})
	if err != nil {
		t.Fatal(err)
	}
	if len(trs) != 1 || trs[0].Context.Event != "push" {
		var got []string
		for _, tr := range trs {
			got = append(got, tr.Name())
		}
		t.Errorf("triggers %q, want only push", got)
	}
	_, err = FromWorkflow(".github/workflows/w.yml", file, "", Context{Repository: "o/r", Event: "release"})
	if !errors.Is(err, ErrContext) || !strings.Contains(err.Error(), `no "release" trigger`) ||
		!strings.Contains(err.Error(), "pull_request, push, workflow_dispatch") {
		t.Errorf("error %v: want a context error naming release and the file's events", err)
	}
}
