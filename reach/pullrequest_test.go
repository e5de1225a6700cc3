package reach

import (
	"slices"
	"testing"
)

// gcpProvider is a Google Cloud provider of octo-org/octo-repo whose
// attribute condition adds cond.
func gcpProvider(cond string) string {
	return `{"name":"projects/1/locations/global/workloadIdentityPools/p/providers/pr","state":"ACTIVE",` +
		`"oidc":{"issuerUri":"https://token.actions.githubusercontent.com","allowedAudiences":["sts.amazonaws.com"]},` +
		`"attributeMapping":{"google.subject":"assertion.sub"},` +
		`"attributeCondition":"assertion.repository == 'octo-org/octo-repo' && ` + cond + `"}`
}

// Whoever opens a pull request picks its head branch (a fork's main into
// main is the commonest), and its base is any branch of the repository:
// reach tries each branch the conditions name, and the default branch, as
// both. pull_request_target runs from the default branch whatever the
// base (GitHub, since 8 December 2025), so no row of it is on another
// ref.
func TestPullRequestRowsTryEachMentionedBranch(t *testing.T) {
	const sts = "issuer: https://token.actions.githubusercontent.com\naudience: https://github.com/octo-org\npermissions: {contents: read}\n"
	tests := []struct {
		name, doc string
		allowed   []string // the events of the legacy rows without an environment let in
	}{
		{"head_ref is the default branch's name", gcpProvider("assertion.head_ref == 'main'"), []string{"pull_request", "pull_request_target"}},
		{"head_ref is a branch the policy names", gcpProvider("assertion.head_ref == 'hotfix'"), []string{"pull_request", "pull_request_target"}},
		{"a fork's main into main", sts + "subject_pattern: \"repo:octo-org/octo-repo:pull_request\"\nclaim_pattern: {base_ref: main, head_ref: main}", []string{"pull_request", "pull_request_target"}},
		{"pull_request into release", gcpProvider("assertion.event_name == 'pull_request' && assertion.base_ref == 'release'"), []string{"pull_request"}},
		{"pull_request_target into release", gcpProvider("assertion.event_name == 'pull_request_target' && assertion.base_ref == 'release'"), []string{"pull_request_target"}},
		{"pull_request_target never runs on release", sts + "subject_pattern: \"repo:octo-org/octo-repo:pull_request\"\nclaim_pattern: {ref: refs/heads/release}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, err := Of(parsePolicy(t, "pr", tt.doc+"\n"), base())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range table.Allowed() {
				if r.Subject == "legacy" && r.Environment == "" && !slices.Contains(got, r.Event) {
					got = append(got, r.Event)
				}
			}
			if !slices.Equal(got, tt.allowed) {
				t.Errorf("lets in %q, want %q", got, tt.allowed)
			}
			for _, r := range table.Rows {
				if r.Event == "pull_request_target" && r.Ref != "refs/heads/main" {
					t.Errorf("a pull_request_target row on %s: it runs on the default branch", r.Ref)
				}
			}
		})
	}
}

// A pull request's row says its head and base branches: its ref alone
// does not tell a fork's main into main from a made-up branch into main.
func TestPullRequestRowsNameTheirBranches(t *testing.T) {
	table, err := Of(parsePolicy(t, "pr", gcpProvider("assertion.head_ref == 'main'")+"\n"), base())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range table.Rows {
		if r.Subject == "legacy" && r.Environment == "" && r.Event == "pull_request" {
			got = append(got, r.Branches()+" "+string(r.Verdict))
		}
	}
	want := []string{"feature→main deny", "main→main allow"}
	if !slices.Equal(got, want) {
		t.Errorf("pull_request rows %q, want %q", got, want)
	}
}
