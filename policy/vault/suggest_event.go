package vault

import "fmt"

// bindRefEvent binds the token's own event_name next to the ref scope's
// ref and returns what the role admits. The ref alone is not enough:
// since 8 December 2025 GitHub runs pull_request_target jobs, which
// anyone's pull request can trigger, on the default branch with its ref,
// and workflow_run jobs run there too. A token without a single non-empty
// string event_name keeps only the ref, and a note says so.
func (s *suggester) bindRefEvent(claims map[string]string, ref string) string {
	event, _, problem := claimString(s.tok, "event_name")
	if problem != "" || event == "" {
		s.note("The token carries no single event_name (a string), so the role binds only the ref: pull_request_target jobs (which anyone's pull request can trigger) on the default branch carry its ref too and are admitted.")
		return "runs on " + ref
	}
	claims["event_name"] = event
	s.note("bound_claims holds event_name %s too: since 8 December 2025 GitHub runs pull_request_target jobs, which anyone's pull request can trigger, on the default branch with its ref, and workflow_run jobs run there as well. To admit another event you trust, such as workflow_dispatch, make event_name a list: [%s, \"workflow_dispatch\"].", event, quoteJSON(event))
	if event == "pull_request_target" || event == "workflow_run" {
		s.note("This token's own event is %s, so the role admits jobs that someone else's pull request or workflow run starts: prefer a token from a push or workflow_dispatch run.", event)
	}
	return fmt.Sprintf("runs on %s triggered by %s", ref, event)
}
