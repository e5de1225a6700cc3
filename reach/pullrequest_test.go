package reach

import (
	"slices"
	"testing"
)

// pull_request_target runs on its base branch (GitHub's GITHUB_REF for
// it; reference §1.4, observed): its rows target each branch the policy
// names, from a head branch of their own. A role that trusts the ref of
// a pull request into release lets those jobs in, and the table says so;
// no job is a pull request from a branch into itself.
func TestPullRequestRowsTargetTheMentionedBranch(t *testing.T) {
	const head = "issuer: https://token.actions.githubusercontent.com\naudience: https://github.com/octo-org\npermissions: {contents: read}\n"
	tests := []struct {
		name, doc string
		allowed   []string // event ref of the legacy rows let in, without an environment
	}{
		{"ref of the run", "subject_pattern: \"repo:octo-org/octo-repo:pull_request\"\nclaim_pattern: {ref: refs/heads/release}",
			[]string{"pull_request_target refs/heads/release"}},
		{"head_ref is never the base", "subject_pattern: \"repo:octo-org/octo-repo:pull_request\"\nclaim_pattern: {base_ref: main, head_ref: main}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, err := Of(parsePolicy(t, "pr.sts.yaml", head+tt.doc+"\n"), base())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range table.Allowed() {
				if r.Subject == "legacy" && r.Environment == "" {
					got = append(got, r.Event+" "+r.Ref)
				}
			}
			if !slices.Equal(got, tt.allowed) {
				t.Errorf("lets in %q, want %q", got, tt.allowed)
			}
		})
	}
}
