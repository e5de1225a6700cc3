package publishertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// CheckFixtureTable holds a registry's sample documents in folder
// (fixtures/policies/<id>, relative to the test) to the README table
// there. The fixture tokens carry cloud audiences, so each row's tokens
// are evaluated with aud replaced by aud(pol); as signed, a token the row
// allows must then fail on aud alone. aud returning "" keeps the tokens as
// signed (a registry whose audience the document does not name).
func CheckFixtureTable(t *testing.T, p policy.Provider, folder string, aud func(policy.Policy) string) {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(folder, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	pols := policytest.FixturePolicies(t, p, filepath.Base(folder), "*.yml")
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
		a := aud(pol)
		for _, name := range row.Allows {
			if r := pol.Evaluate(WithAud(t, name, a)); r.Verdict != policy.Allow {
				t.Errorf("%s should allow %s with aud %s (README): %s\n%s", row.Spec, name, a, r.Summary, Describe(r))
			}
			if r := pol.Evaluate(policytest.FixtureToken(t, name)); a != "" && !FailsOnAudOnly(r) {
				t.Errorf("%s: %s as signed should fail on aud alone:\n%s", row.Spec, name, Describe(r))
			}
		}
		for _, name := range row.Denies {
			if r := pol.Evaluate(WithAud(t, name, a)); r.Verdict != policy.Deny {
				t.Errorf("%s should deny %s with aud %s (README): %s %s", row.Spec, name, a, r.Verdict, r.Summary)
			}
		}
	}
	policytest.CheckListed(t, folder, listed)
	if len(rows) < 4 {
		t.Errorf("README table has %d rows, want every sample (at least 4)", len(rows))
	}
}

// WithAud is the fixture claim set name with aud replaced, or the
// fixture token as signed when aud is "".
func WithAud(t testing.TB, name, aud string) policy.Token {
	t.Helper()
	if aud == "" {
		return policytest.FixtureToken(t, name)
	}
	return policytest.ClaimsWith(t, name, map[string]any{"aud": aud})
}

// FailsOnAudOnly reports a deny whose one failing condition reads aud
// alone.
func FailsOnAudOnly(r policy.Result) bool {
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
