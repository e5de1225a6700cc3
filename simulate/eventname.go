package simulate

import (
	"fmt"
	"slices"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/closest"
)

// workflowEvents are the events that trigger a workflow run, as
// event_name carries them (GitHub's "Events that trigger workflows";
// workflow_call is absent: a called workflow's jobs carry the caller's
// event). "dynamic" is the event of GitHub's own dynamic workflows
// (Dependabot, code scanning default setup).
var workflowEvents = [...]string{
	"branch_protection_rule", "check_run", "check_suite", "create", "delete", "deployment",
	"deployment_status", "discussion", "discussion_comment", "dynamic", "fork", "gollum",
	"issue_comment", "issues", "label", "merge_group", "milestone", "page_build", "public",
	"pull_request", "pull_request_review", "pull_request_review_comment", "pull_request_target",
	"push", "registry_package", "release", "repository_dispatch", "schedule", "status", "watch",
	"workflow_dispatch", "workflow_run",
}

// IsWorkflowEvent reports whether a workflow can run on event.
func IsWorkflowEvent(event string) bool { return slices.Contains(workflowEvents[:], event) }

// checkEvent refuses an event no workflow runs on, naming the closest
// one: a typo must not be simulated as something else.
func checkEvent(event string) error {
	if IsWorkflowEvent(event) {
		return nil
	}
	suffix := ""
	if near := closest.Match(event, workflowEvents[:], max(2, len(event)/3)+1); near != "" {
		suffix = " (did you mean " + near + "?)"
	}
	return fmt.Errorf("%w: %s is not an event GitHub runs workflows on%s", ErrContext, escape.Quoted(event), suffix)
}
