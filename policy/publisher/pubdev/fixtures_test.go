package pubdev

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestFixtureVerdictTable holds fixtures/policies/pub.dev to its README
// table as policy/publisher's TestFixtureVerdictTables does for the other
// registries: each token with its aud replaced by the document's
// audience, and, as signed, refused on aud alone where the table allows.
func TestFixtureVerdictTable(t *testing.T) {
	p := New()
	folder := filepath.Join("..", "..", "..", "fixtures", "policies", "pub.dev")
	readme, err := os.ReadFile(filepath.Join(folder, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	pols := policytest.FixturePolicies(t, p, "pub.dev", "*.yml")
	rows := policytest.VerdictRows(readme)
	listed := map[string]bool{}
	for _, row := range rows {
		listed[row.Spec] = true
		pol, ok := pols[row.Spec]
		if !ok {
			t.Errorf("%s: no such sample", row.Spec)
			continue
		}
		if len(row.Allows)+len(row.Denies) != len(policytest.FixtureNames()) {
			t.Errorf("%s: the row names %d tokens, want all %d", row.Spec, len(row.Allows)+len(row.Denies), len(policytest.FixtureNames()))
		}
		aud := policy.Audiences(pol)[0]
		for _, name := range row.Allows {
			if r := pol.Evaluate(policytest.ClaimsWith(t, name, map[string]any{"aud": aud})); r.Verdict != policy.Allow {
				t.Errorf("%s should allow %s with aud %s (README): %s\n%s", row.Spec, name, aud, r.Summary, publishertest.Describe(r))
			}
			if r := pol.Evaluate(policytest.FixtureToken(t, name)); !failsOnAudOnly(r) {
				t.Errorf("%s: %s as signed should fail on aud alone:\n%s", row.Spec, name, publishertest.Describe(r))
			}
		}
		for _, name := range row.Denies {
			if r := pol.Evaluate(policytest.ClaimsWith(t, name, map[string]any{"aud": aud})); r.Verdict != policy.Deny {
				t.Errorf("%s should deny %s with aud %s (README): %s %s", row.Spec, name, aud, r.Verdict, r.Summary)
			}
		}
	}
	policytest.CheckListed(t, folder, listed)
	if len(rows) < 4 {
		t.Errorf("README table has %d rows, want every sample (at least 4)", len(rows))
	}
}

func failsOnAudOnly(r policy.Result) bool {
	failed := 0
	for _, c := range r.Conditions {
		if c.Result == policy.Fail {
			if len(c.Claims) != 1 || c.Claims[0] != "aud" {
				return false
			}
			failed++
		}
	}
	return r.Verdict == policy.Deny && failed == 1
}
