package gcp

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// pinRefEvent appends the token's own event_name to the ref scope's
// terms and returns the clause the ref note gives for it. The ref alone
// is not enough: since 8 December 2025 GitHub runs pull_request_target
// jobs, which anyone's pull request can trigger, on the default branch
// with its ref, and workflow_run jobs run there too. A token without a
// single non-empty event_name keeps only the ref, and the clause says so.
func pinRefEvent(terms *[]string, tok policy.Token) string {
	event, ok := tok.String("event_name")
	if !ok || event == "" || tok.Duplicated("event_name") {
		return "; the token carries no single event_name, so only the ref is pinned and pull_request_target jobs (which anyone's pull request can trigger) on the default branch, which carry its ref, are accepted too"
	}
	*terms = append(*terms, celclaims.Pin(varAssertion, "event_name", event))
	clause := fmt.Sprintf(", and pins event_name %s too: since 8 December 2025 GitHub runs pull_request_target jobs, which anyone's pull request can trigger, on the default branch with its ref, and workflow_run jobs run there as well; to admit another event you trust, such as workflow_dispatch, write %s.event_name in [%s, 'workflow_dispatch']",
		event, varAssertion, celclaims.Quote(event))
	if event == "pull_request_target" || event == "workflow_run" {
		clause += fmt.Sprintf("; this token's own event is %s, so the provider accepts jobs that someone else's pull request or workflow run starts: prefer a token from a push or workflow_dispatch run", event)
	}
	return clause
}
