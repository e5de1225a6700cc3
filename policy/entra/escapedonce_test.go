package entra

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSiblingNameQuotedOnce: a sibling credential's name, from the
// document, stands in the diagnosis and summary raw between quotes, so
// the view escapes it once (an ESC and a literal backslash-x1b differ).
func TestSiblingNameQuotedOnce(t *testing.T) {
	tok := policytest.FixtureToken(t, "environment-prod")
	for _, h := range escapetest.Hostile {
		t.Run(h.Name, func(t *testing.T) {
			sibling := strings.Replace(standardFIC(gh, "repo:octo-org/octo-repo:environment:prod", azureAud), `"test-cred"`, quote(h.Value), 1)
			other := standardFIC(gh, "repo:octo-org@65/octo-repo@74:environment:prod", azureAud)
			pols, err := New().Parse("creds.json", []byte(`[`+sibling+`,`+other+`]`))
			if err != nil || len(pols) != 2 {
				t.Fatalf("parse: %v (%d credentials)", err, len(pols))
			}
			r := pols[1].Evaluate(tok)
			escapetest.WantShownOnce(t, "summary", r.Summary, `"`+h.Value+`" (#1)`)
			c := policytest.ConditionWith(t, r, `"subject"`)
			escapetest.WantShownOnce(t, "diagnosis", strings.Join(c.Diagnosis, "\n"), `"`+h.Value+`" (#1)`)
		})
	}
}
