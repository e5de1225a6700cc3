package octosts

import (
	"regexp"

	"github.com/oidcscope/oidcscope/policy"
)

// pinRefEvent pins the token's own event_name with claim_pattern in the
// ref scope. The ref alone is not enough: workflow_run jobs run on the
// default branch and their sub names it (…:ref:refs/heads/main), and since
// 8 December 2025 GitHub runs pull_request_target jobs there too (whether
// their sub is …:pull_request or names the ref is unconfirmed). A token
// without a single non-empty event_name keeps only the ref, and the note
// says so.
func (s *suggestion) pinRefEvent(tok policy.Token) {
	event, ok := tok.String("event_name")
	if !ok || event == "" || tok.Duplicated("event_name") {
		s.note("scope ref: the token carries no single event_name, so only the ref is pinned: workflow_run jobs, which another workflow's run starts, and (if their sub names the ref) pull_request_target jobs, which anyone's pull request can trigger, run on the default branch with its ref and are accepted too")
		return
	}
	s.claim("event_name", event)
	s.note("scope ref: claim_pattern pins event_name %s too: workflow_run jobs (started by another workflow's run, possibly one a fork's pull request started) run on the default branch with sub …:ref:<default branch>, and since 8 December 2025 so do pull_request_target jobs, which anyone's pull request can trigger; to admit another event you trust, such as workflow_dispatch, write event_name: %s",
		event, yamlQuote("(?:"+regexp.QuoteMeta(event)+"|workflow_dispatch)"))
	if event == "pull_request_target" || event == "workflow_run" {
		s.note("this token's own event is %s, so octo-sts accepts jobs that someone else's pull request or workflow run starts: prefer a token from a push or workflow_dispatch run", event)
	}
}

// workflowEventNote: the workflow scope pins the file at its ref, not the
// event, so every trigger the file declares gets in.
func (s *suggestion) workflowEventNote(tok policy.Token) {
	how := "add event_name with the events you trust to claim_pattern"
	if event, ok := tok.String("event_name"); ok && event != "" && !tok.Duplicated("event_name") {
		how = "to admit only this token's event, add event_name: " + yamlQuote(regexp.QuoteMeta(event)) + " to claim_pattern"
	}
	s.note("scope workflow: the event is not pinned, so a workflow file with a pull_request_target or workflow_run trigger is let in on those events too (jobs that anyone's pull request, or another workflow's run, starts on the default branch, with the same job_workflow_ref); %s", how)
}
