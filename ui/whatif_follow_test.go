package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// verdictBySource is the verdict of the policy loaded from a file whose
// path ends in source (names such as the Kubernetes issuer are shared).
func verdictBySource(t *testing.T, r *inspect.Report, source string) policy.Verdict {
	t.Helper()
	for _, p := range r.Policies {
		if strings.HasSuffix(p.Source, source) {
			return p.Verdict
		}
	}
	t.Fatalf("no policy from %s", source)
	return ""
}

// TestEditEventNameFollowsRefs: the demo's push edited to a pull request
// runs on the merge ref with a head and a base branch, as simulate
// --event pull_request builds it, so the policies pinned to the main
// branch's ref deny it (they allowed it while ref stayed refs/heads/main).
func TestEditEventNameFollowsRefs(t *testing.T) {
	pinned := []string{"gcp/octo-repo-main.json", "vault/deploy.json", "k8s/octo-repo-main.yaml"}
	m, _ := demoModel(t, 100, 30)
	for _, src := range pinned {
		if got := verdictBySource(t, m.report, src); got != policy.Allow {
			t.Fatalf("the demo token: %s %s, want allow", src, got)
		}
	}
	m = editClaim(t, m, "event_name", "pull_request")
	for claim, want := range map[string]string{
		"ref": "refs/pull/1/merge", "ref_type": "branch", "head_ref": "feature", "base_ref": "main",
		"workflow_ref": "octo-org/octo-repo/.github/workflows/deploy.yml@refs/pull/1/merge",
		"sub":          "repo:octo-org/octo-repo:pull_request",
	} {
		if got := claimValue(t, m.report, claim); got != want {
			t.Errorf("after event_name → pull_request: %s = %q, want %q", claim, got, want)
		}
	}
	for _, src := range pinned {
		if got := verdictBySource(t, m.report, src); got != policy.Deny {
			t.Errorf("%s: %s for a pull request, want deny", src, got)
		}
	}
	contains(t, m.footer(), `ref "refs/pull/1/merge" (made up)`)
	// One claim edited: what followed it is part of the edit.
	contains(t, m.statusLine(), "(1 edit)")
}

// TestEditedRefIsKept: a ref the user typed stays when the event is
// edited after it; what follows the event still follows, and the status
// line says the ref is not what GitHub would issue.
func TestEditedRefIsKept(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = editClaim(t, m, "ref", "refs/heads/dev")
	if got := claimValue(t, m.report, "workflow_ref"); got != "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/dev" {
		t.Errorf("ref edited: workflow_ref = %q", got)
	}
	m = editClaim(t, m, "event_name", "pull_request")
	for claim, want := range map[string]string{"ref": "refs/heads/dev", "head_ref": "dev", "base_ref": "main"} {
		if got := claimValue(t, m.report, claim); got != want {
			t.Errorf("%s = %q, want %q", claim, got, want)
		}
	}
	contains(t, m.footer(), "ref kept as edited")
	contains(t, m.statusLine(), "(2 edits)")
}

// TestEditEventNameBackFollows: a pull request edited back to a push
// follows back to the token's own refs: its real report again.
func TestEditEventNameBackFollows(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	real := m.report
	m = editClaim(t, m, "event_name", "pull_request_target")
	if got := claimValue(t, m.report, "head_ref"); got != "feature" {
		t.Errorf("pull_request_target: head_ref = %q", got)
	}
	m = editClaim(t, m, "event_name", "push")
	if m.report != real || m.editing() {
		t.Errorf("back to push: want the token's own report; ref %q, head_ref %q", claimValue(t, m.report, "ref"), claimValue(t, m.report, "head_ref"))
	}
}
