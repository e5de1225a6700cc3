package publisher_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestFixtureVerdictTables holds each registry's sample documents to their
// README table, the way policytest.CheckVerdictTable does for the clouds,
// with one difference the READMEs state: the fixture tokens carry cloud
// audiences, so each is evaluated with its aud replaced by the
// registry's; as signed, a token the table allows must fail on aud alone.
func TestFixtureVerdictTables(t *testing.T) {
	for _, p := range providers() {
		t.Run(p.ID(), func(t *testing.T) {
			folder := filepath.Join("../../fixtures/policies", p.ID())
			readme, err := os.ReadFile(filepath.Join(folder, "README.md"))
			if err != nil {
				t.Fatal(err)
			}
			pols := policytest.FixturePolicies(t, p, p.ID(), "*.yml")
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
		})
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
