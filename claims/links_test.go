package claims

import (
	"strings"
	"testing"
)

func TestLinks(t *testing.T) {
	sha := func(c string) string { return strings.Repeat(c, 40) }
	want := map[string]string{
		"repository":    "https://github.com/octo-org/octo-repo",
		"run-attempt":   "https://github.com/octo-org/octo-repo/actions/runs/19677834613/attempts/2",
		"job":           "https://github.com/octo-org/octo-repo/actions/runs/19677834613/job/56363837828",
		"check-run-api": "https://api.github.com/repos/octo-org/octo-repo/check-runs/56363837828",
		"commit":        "https://github.com/octo-org/octo-repo/commit/" + sha("a"),
		"workflow":      "https://github.com/octo-org/octo-repo/blob/" + sha("b") + "/.github/workflows/deploy.yml",
		"job-workflow":  "https://github.com/octo-org/octo-automation/blob/" + sha("c") + "/.github/workflows/oidc.yml",
	}
	links := analyze(t, payload(t, nil)).Links
	if len(links) != len(want) {
		t.Fatalf("got %d links, want %d: %+v", len(links), len(want), links)
	}
	for _, l := range links {
		if want[l.Name] != l.URL {
			t.Errorf("%s = %q, want %q", l.Name, l.URL, want[l.Name])
		}
		if l.Name == "job" && !strings.Contains(l.Note, "observed, not documented") {
			t.Errorf("job link note %q must say the mapping is observed", l.Note)
		}
	}
}

// TestLinkHosts: links go to the issuer's deployment; a GitHub Enterprise
// Server's host only once the signature is verified (TestIssuerTrust).
func TestLinkHosts(t *testing.T) {
	c := defaultCatalog(t)
	tests := []struct{ iss, repo, job string }{
		{"https://token.actions.githubusercontent.com/avocado-corp", "https://github.com/octo-org/octo-repo", "https://api.github.com/repos/octo-org/octo-repo/check-runs/56363837828"},
		{"https://token.actions.octocorp.ghe.com", "https://octocorp.ghe.com/octo-org/octo-repo", "https://api.octocorp.ghe.com/repos/octo-org/octo-repo/check-runs/56363837828"},
		{"https://ghes.example.com/_services/token", "https://ghes.example.com/octo-org/octo-repo", "https://ghes.example.com/api/v3/repos/octo-org/octo-repo/check-runs/56363837828"},
	}
	for _, tt := range tests {
		links := c.Analyze(payload(t, map[string]string{"iss": tt.iss}), Options{IssuerVerified: true}).Links
		got := map[string]string{}
		for _, l := range links {
			got[l.Name] = l.URL
		}
		if got["repository"] != tt.repo || got["check-run-api"] != tt.job {
			t.Errorf("%s: repository %q, check-run-api %q", tt.iss, got["repository"], got["check-run-api"])
		}
	}
}

// Values that do not have GitHub's shape never become links.
func TestLinksRefuseHostileValues(t *testing.T) {
	tests := []map[string]string{
		{"repository": "octo-org/octo-repo/../../evil"},
		{"repository": "evil.example/x?y"},
		{"run_id": "1/../../x", "check_run_id": "javascript:alert(1)", "sha": "not-a-sha", "workflow_sha": "", "job_workflow_ref": "https://evil.example/x.yml@main"},
	}
	for _, over := range tests {
		for _, l := range analyze(t, payload(t, over)).Links {
			for _, bad := range []string{"..", "?", "javascript", "evil", "not-a-sha"} {
				if strings.Contains(l.URL, bad) {
					t.Errorf("%v produced link %s", over, l.URL)
				}
			}
		}
	}
	if links := analyze(t, payload(t, map[string]string{"iss": "https://login.example.com"})).Links; len(links) != 0 {
		t.Errorf("a non-GitHub issuer produced links: %+v", links)
	}
}
