package simulate

import (
	"errors"
	"strings"
	"testing"
)

// TestFromWorkflowSkipsWorkflowCall: a reusable workflow's workflow_call
// trigger runs no job of its own (its jobs carry the caller's event), so
// it is no trigger to simulate; the file's other triggers still are, and
// a file that is only called says so.
func TestFromWorkflowSkipsWorkflowCall(t *testing.T) {
	base := Context{Repository: "octo-org/octo-repo", Workflow: ".github/workflows/lib.yml"}
	trs, err := FromWorkflow("lib.yml", []byte("on:\n  workflow_call:\n  push:\n    branches: [main]\njobs:\n  j:\n    runs-on: ubuntu-latest\n"), "", base)
	if err != nil {
		t.Fatal(err)
	}
	if len(trs) != 1 || trs[0].Context.Event != "push" {
		t.Fatalf("triggers %+v, want push alone", trs)
	}
	if !strings.Contains(strings.Join(trs[0].Notes, "\n"), "workflow_call") {
		t.Errorf("notes %q do not say workflow_call was left out", trs[0].Notes)
	}
	_, err = FromWorkflow("lib.yml", []byte("on: workflow_call\njobs:\n  j:\n    runs-on: ubuntu-latest\n"), "", base)
	if !errors.Is(err, ErrContext) || !strings.Contains(err.Error(), "calling workflow") {
		t.Errorf("a file only called: %v, want it to point to the calling workflow", err)
	}
}
