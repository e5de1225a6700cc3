package simulate

import (
	"errors"
	"strings"
	"testing"
)

// TestBuildRefusesUnknownEvents: an event GitHub never runs a workflow on
// (a typo such as pull-request) is refused, naming the closest event,
// rather than simulated as a push of the default branch.
func TestBuildRefusesUnknownEvents(t *testing.T) {
	for typed, near := range map[string]string{"pull-request": "pull_request", "pushh": "push", "PR": "", "workflow-dispatch": "workflow_dispatch"} {
		_, err := Build(Context{Repository: "octo-org/octo-repo", Event: typed})
		if !errors.Is(err, ErrContext) {
			t.Errorf("%s: err %v, want ErrContext", typed, err)
			continue
		}
		if near != "" && !strings.Contains(err.Error(), "did you mean "+near) {
			t.Errorf("%s: %v, want it to suggest %s", typed, err, near)
		}
	}
	for _, ev := range workflowEvents {
		if _, err := Build(Context{Repository: "octo-org/octo-repo", Event: ev}); err != nil {
			t.Errorf("%s: %v", ev, err)
		}
	}
}
