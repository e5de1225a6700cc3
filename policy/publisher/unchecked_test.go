package publisher_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// The lines a registry does not check offline still say what the token
// holds of the claims they name: a report shows "token aud: …" under
// them, never an empty value the token does not have.
func TestUncheckedLinesCarryTheTokensValues(t *testing.T) {
	tok := policytest.FixtureToken(t, "push-main")
	seen := 0
	for _, r := range registrations() {
		prov := r.New()
		files, err := filepath.Glob(filepath.Join("../../fixtures/policies", prov.ID(), "*.yml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no fixtures: %v", prov.ID(), err)
		}
		for _, f := range files {
			doc, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pols, err := prov.Parse(filepath.Base(f), doc)
			if err != nil {
				continue // a sample of a refused document
			}
			for _, p := range pols {
				res := p.Evaluate(tok)
				for _, c := range res.Conditions {
					if c.Result != policy.NotApplied || len(c.Claims) == 0 {
						continue
					}
					seen++
					for _, claim := range c.Claims {
						v, ok := tok.Text(claim)
						if ok && !strings.Contains(c.Actual, v) {
							t.Errorf("%s: %q: actual %q lacks %s %q", f, c.Expression, c.Actual, claim, v)
						}
					}
					if c.Actual == "" && !c.Absent {
						t.Errorf("%s: %q: empty actual, not absent", f, c.Expression)
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no unchecked line with claims")
	}
}
