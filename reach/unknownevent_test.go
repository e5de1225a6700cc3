package reach

import "testing"

// TestUnknownEventInPolicyIsNoJob: an event name a policy mentions that
// no workflow runs on (a typo such as pull-request, or workflow_call,
// which a called workflow's jobs never carry) makes no row, rather than
// stopping the whole table.
func TestUnknownEventInPolicyIsNoJob(t *testing.T) {
	for _, event := range []string{"pull-request", "workflow_call"} {
		p := parsePolicy(t, "typo.sts.yaml", "issuer: https://token.actions.githubusercontent.com\nsubject_pattern: \"repo:octo-org/octo-repo:.*\"\naudience: octo-sts.dev\nclaim_pattern:\n  event_name: \""+event+"\"\npermissions:\n  contents: read\n")
		table, err := Of(p, base())
		if err != nil {
			t.Errorf("%s: %v", event, err)
			continue
		}
		if len(table.Rows) == 0 {
			t.Errorf("%s: no rows", event)
		}
		for _, r := range table.Rows {
			if r.Event == event {
				t.Errorf("%s: a row for an event GitHub never runs: %+v", event, r)
			}
		}
	}
}
