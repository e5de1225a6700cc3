package gcp

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestRefDeniesDefaultBranchEvents: since 8 December 2025 GitHub
// runs pull_request_target jobs on the default branch, so their token
// carries ref refs/heads/main like a push to main. The ref scope pins the
// token's own event_name as well, which keeps those jobs (and workflow_run
// ones, triggered by another workflow's run) out whatever their sub says.
func TestSuggestRefDeniesDefaultBranchEvents(t *testing.T) {
	policytest.CheckRefSuggestionKeepsOutDefaultBranchEvents(t, New(), func(doc string) policy.Policy { return parseOne(t, doc) }, "scope ref:", "event_name push", "pull_request_target")
}
