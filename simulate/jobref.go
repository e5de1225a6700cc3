package simulate

import "strings"

// queueSHA stands for the head commit in a merge-queue branch's name; like
// the other SHAs it is made up.
const queueSHA = placeholderSHA

// madeUpQueue ends the name of a queue branch JobRef made up.
const madeUpQueue = "/pr-" + placeholderPR + "-" + queueSHA

// onDefaultBranch are the events whose jobs GitHub runs only on the
// default branch (GITHUB_REF "Default branch" in GitHub's "Events that
// trigger workflows"; the shared reference does not say).
var onDefaultBranch = map[string]bool{
	"schedule": true, "workflow_run": true, "repository_dispatch": true,
	"issues": true, "issue_comment": true, "label": true, "milestone": true,
	"discussion": true, "discussion_comment": true, "watch": true, "fork": true,
	"gollum": true, "public": true, "check_run": true, "check_suite": true,
	"branch_protection_rule": true,
}

// JobRef is the ref a job of event triggered from ref (a full ref) runs
// on, in a repository whose default branch is defaultRef, and false when
// GitHub never runs such a job. The shared reference names only the
// pull-request refs (§1.4); the rest follows GitHub's documented
// GITHUB_REF per event:
//   - pull_request, pull_request_target: ref is a branch (the one the pull
//     request targets or comes from) or a refs/pull/N/merge ref; Build
//     makes the run's ref. A tag is never a pull request's base or head.
//   - release: the release's tag, refs/tags/<tag>.
//   - merge_group: the queue's branch,
//     refs/heads/gh-readonly-queue/<base>/pr-<n>-<sha>, for a base branch.
//   - schedule, workflow_run and the other onDefaultBranch events: the
//     default branch.
//   - push, workflow_dispatch and events not known here: any branch or tag.
func JobRef(event, ref, defaultRef string) (string, bool) {
	branch := strings.HasPrefix(ref, "refs/heads/")
	switch {
	case pullRequestEvent(event):
		return ref, branch || strings.HasPrefix(ref, "refs/pull/")
	case event == "release":
		return ref, strings.HasPrefix(ref, "refs/tags/")
	case event == "merge_group":
		if !branch || strings.HasPrefix(ref, "refs/heads/gh-readonly-queue/") {
			return ref, branch
		}
		return "refs/heads/gh-readonly-queue/" + strings.TrimPrefix(ref, "refs/heads/") + madeUpQueue, true
	case onDefaultBranch[event]:
		return ref, ref == defaultRef
	}
	return ref, true
}

// queueRef is the ref a merge_group job runs on, from the ref given (a
// base branch, or the queue's branch): the queue's branch for a base,
// with its pull request number and SHA made up (ref listed in s's
// Placeholders, and noted), as --from's refsFor makes it too. A ref
// GitHub never queues on (a tag) stays, noted by notRun.
func queueRef(s *Simulation, ref, defaultRef string) string {
	queue, ok := JobRef("merge_group", ref, defaultRef)
	if !ok {
		return ref
	}
	if queue != ref || strings.HasSuffix(ref, madeUpQueue) {
		s.Placeholders = append(s.Placeholders, "ref")
	}
	if queue != ref {
		s.Notes = append(s.Notes, "merge_group: the run is on the merge queue's branch for "+branchName(ref)+", "+queue+
			"; its pull request number and SHA are made up (give --ref refs/heads/gh-readonly-queue/…)")
	}
	return queue
}

// notRun is the note on a job of event on ref that GitHub never runs
// (JobRef), "" for one it runs. The context is simulated as given: the
// user asked for it.
func notRun(event, ref, defaultRef string) string {
	if _, ok := JobRef(event, ref, defaultRef); ok {
		return ""
	}
	switch {
	case event == "release":
		return "GitHub runs release only on a tag (refs/tags/…), not on " + ref + ": no job gets this token"
	case event == "merge_group":
		return "GitHub runs merge_group only on a queue branch (refs/heads/gh-readonly-queue/…), not on " + ref + ": no job gets this token"
	case onDefaultBranch[event]:
		return "GitHub runs " + event + " only on the default branch, " + defaultRef + ", not on " + ref + ": no job gets this token (give --default-branch if that is the default)"
	}
	return ""
}
