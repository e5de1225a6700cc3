package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// TestHostilePolicyFixIsEscapedOnCopy: a fix to the document is text
// built from the policy file's values; when the file holds a line break
// in a value (a provider named "prov\nid>PWNED"), Y in the opened policy
// puts no raw line break on the clipboard (pasted into a shell, it would
// run the line after it) and says the copy was escaped, as for a hostile
// token. A plain fix from a plain file keeps its lines.
func TestHostilePolicyFixIsEscapedOnCopy(t *testing.T) {
	const pool = "projects/1/locations/global/workloadIdentityPools/p/providers/"
	for _, tc := range []struct {
		name, provider string
		hostile        bool
	}{
		{"plain file", "prov", false},
		{"line break in the provider's name", "prov\nid>PWNED\n", true},
		{"tab in the provider's name", "prov\tid", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, clip := newTestModel(t, inspect.NewSession(demoOptions(t)), demoToken(t), 100, 30)
			fix := policy.Snippet{Provider: "gcp", Note: "the provider is DELETED: undelete it",
				Text: "gcloud iam workload-identity-pools providers undelete " + tc.provider + "\n  --workload-identity-pool=p"}
			r := *m.report
			r.Policies = []policy.Result{{Source: "hostile.json", Provider: "gcp", Name: pool + tc.provider,
				Verdict: policy.Deny, Fixes: []policy.Snippet{fix}}}
			m.report = &r
			m = keys(t, m, "4", "enter")
			if !m.policyOpen {
				t.Fatal("the policy did not open")
			}
			clip.Reset()
			m = keys(t, m, "Y")
			got := clipboard(t, clip)
			if tc.hostile {
				if strings.ContainsAny(got, "\n\t") {
					t.Errorf("copied a raw line break or tab from a hostile policy file: %q", got)
				}
				if !strings.Contains(m.flash, "escaped") {
					t.Errorf("the status line %q does not say the copy was escaped", m.flash)
				}
				return
			}
			if got != fix.Text || strings.Contains(m.flash, "escaped") {
				t.Errorf("a plain fix copied as %q (%q), want it as it is", got, m.flash)
			}
		})
	}
}
