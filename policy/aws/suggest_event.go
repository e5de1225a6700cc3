package aws

import "strings"

// event_name is not among the GitHub condition keys AWS STS evaluates
// (keys.go; the reference's 9-key table), so no trust policy can pin the
// event. These notes name what that lets in: workflow_run jobs run on the
// default branch with sub …:ref:<default branch>, and since 8 December
// 2025 pull_request_target jobs run there too (whether their sub names the
// ref or is …:pull_request is unconfirmed).

// refEventNote is the ref scope's note, or "" for a ref no such job runs
// on (a tag). subNamesRef says whether sub pins the ref; if not, the ref
// key does and sub is repository-wide, so pull_request_target jobs on the
// default branch get in whatever their sub.
// githubKeys says whether AWS evaluates job_workflow_ref for this issuer;
// if not, the way to pin the workflow is a sub template that includes it.
func refEventNote(ref string, subNamesRef, githubKeys bool) string {
	if !strings.HasPrefix(ref, "refs/heads/") {
		return ""
	}
	prt := "and so do pull_request_target jobs, which anyone's pull request can trigger and which since 8 December 2025 run on the default branch with its ref"
	if subNamesRef {
		prt += ", if their sub names the ref too (GitHub does not document whether it is …:ref:" + ref + " or …:pull_request)"
	}
	fix := "pin job_workflow_ref as well, as --scope workflow does, to a workflow file that has neither a workflow_run nor a pull_request_target trigger"
	if !githubKeys {
		fix = "customize the repository's sub template to include job_workflow_ref (AWS reads only aud and sub for this issuer) and pin a workflow file that has neither a workflow_run nor a pull_request_target trigger"
	}
	return "scope ref: event_name is not a condition key AWS STS evaluates, so the role cannot pin the event: if " + ref +
		" is the default branch, workflow_run jobs (started by another workflow's run, possibly one a fork's pull request started) run on it with its ref and get in, " + prt +
		"; to keep them out, " + fix
}

// workflowEventNote is the workflow scope's note: job_workflow_ref pins the
// file at its ref, and every trigger the file declares gets in.
const workflowEventNote = "scope workflow: event_name is not a condition key AWS STS evaluates, so the event is not pinned: a workflow file with a pull_request_target or workflow_run trigger is let in on those events too (jobs that anyone's pull request, or another workflow's run, starts on the default branch carry the same job_workflow_ref); keep such triggers out of a workflow file that assumes this role"
