package reach

import (
	"cmp"
	"strings"

	"github.com/oidcscope/oidcscope/simulate"
)

// DefaultRef is the repository's default branch as a ref: c's
// DefaultBranch, main when not given, as simulate takes it.
func DefaultRef(c simulate.Context) string {
	b := cmp.Or(c.DefaultBranch, "main")
	if strings.HasPrefix(b, "refs/") {
		return b
	}
	return "refs/heads/" + b
}

// otherDefaultRef stands for a ref of another repository's reusable
// workflow when a policy names none: that repository's default branch,
// taken to be main (--default-branch is this repository's).
const otherDefaultRef = "refs/heads/main"

// queueSHA stands for the head commit in a merge-queue branch's name; like
// simulate's SHAs it is made up.
const queueSHA = "0000000000000000000000000000000000000000"

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

// JobRef is the ref a job of event triggered from ref is given to
// simulate, in a repository whose default branch is defaultRef, and false
// when GitHub never runs such a job. The shared
// reference names only the pull-request refs (§1.4); the rest follows
// GitHub's documented GITHUB_REF per event:
//   - pull_request, pull_request_target: ref is the branch the pull
//     request targets (or a refs/pull/N/merge ref); simulate builds the
//     run's ref from it (refs/pull/N/merge, or the base branch itself) and
//     a head branch other than it (PullRequestContext). A tag is never a
//     pull request's base.
//   - release: the release's tag, refs/tags/<tag>.
//   - merge_group: the queue's branch,
//     refs/heads/gh-readonly-queue/<base>/pr-<n>-<sha>, for a base branch.
//   - schedule and the other onDefaultBranch events: the default branch.
//   - push, workflow_dispatch and events not known here: any branch or tag.
func JobRef(event, ref, defaultRef string) (string, bool) {
	branch := strings.HasPrefix(ref, "refs/heads/")
	switch {
	case event == "pull_request" || event == "pull_request_target":
		return ref, branch || strings.HasPrefix(ref, "refs/pull/")
	case event == "release":
		return ref, strings.HasPrefix(ref, "refs/tags/")
	case event == "merge_group":
		if !branch || strings.HasPrefix(ref, "refs/heads/gh-readonly-queue/") {
			return ref, branch
		}
		return "refs/heads/gh-readonly-queue/" + strings.TrimPrefix(ref, "refs/heads/") + "/pr-1-" + queueSHA, true
	case onDefaultBranch[event]:
		return ref, ref == defaultRef
	}
	return ref, true
}

// PullRequestContext is c for a pull request job given ref by JobRef:
// pull_request_target targets ref, a branch, and runs on it; pull_request
// runs on the merge ref of a pull request into the default branch (its
// rows meet on that ref, one per job). Either comes from a head branch
// simulate makes up, never the base: GitHub runs no pull request of a
// branch into itself.
func PullRequestContext(c simulate.Context, ref string) simulate.Context {
	switch {
	case strings.HasPrefix(ref, "refs/pull/"):
		c.Ref = ref
	case c.Event == "pull_request_target":
		c.Ref, c.BaseRef = "", ref
	default:
		c.Ref = ""
	}
	return c
}
