package publisher_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
)

// TestHostileValuesQuotedOnce: the shared publisher code quotes a value
// from a document or a token raw between double quotes (escape.Quoted), so
// the view, escaping the whole message once, shows an ESC as \x1b and a
// literal backslash-x1b as \\x1b.
func TestHostileValuesQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		key := policy.QuoteJSON(v, true) // v as a YAML double-quoted string

		for _, tc := range []struct{ path, doc string }{
			{"unknown key", "registry: pypi\n" + key + ": a\n"},
			{"unknown registry", "registry: " + key + "\n"},
		} {
			_, err := publisher.Parse([]byte(tc.doc))
			escapetest.WantQuotedOnce(t, tc.path, errText(err), v)
		}

		_, err := publisher.SuggestRepository(policytest.ClaimsWith(t, "push-main", map[string]any{"repository": v}), policy.PyPI, "why")
		escapetest.WantQuotedOnce(t, "suggested repository", errText(err), v)

		_, err = provider(t, policy.PyPI).Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": "pypi", "job_workflow_ref": v}), policy.ScopeRepo)
		escapetest.WantQuotedOnce(t, "suggested workflow", errText(err), v)

		s, err := provider(t, policy.PyPI).Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": v}), policy.ScopeRepo)
		escapetest.WantQuotedOnce(t, "suggestion for another aud (fixed audience)", errText(err)+strings.Join(s.Notes, "\n"), v)
		s, err = provider(t, npm.ID).Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": v}), policy.ScopeRepo)
		escapetest.WantQuotedOnce(t, "suggestion for another aud (document audience)", errText(err)+strings.Join(s.Notes, "\n"), v)

		tok := policytest.ClaimsWith(t, "push-main", map[string]any{"aud": "x"})
		c := publisher.AudienceCheck(tok, "npm", v, "answer")
		escapetest.WantQuotedOnce(t, "aud expression", c.Expression, v)
		escapetest.WantQuotedOnce(t, "aud note", strings.Join(c.Diagnosis, "\n"), v)
		c = publisher.AudienceCheck(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": []string{"x", "y"}}), "npm", v, "answer")
		escapetest.WantQuotedOnce(t, "aud list note", strings.Join(c.Diagnosis, "\n"), v)

		c = publisher.OwnerIDCheck(publisher.Document{}, policytest.ClaimsWith(t, "push-main", map[string]any{"repository_owner_id": v}), "crates.io", "answer")
		escapetest.WantQuotedOnce(t, "owner id not checked", strings.Join(c.Diagnosis, "\n"), v)

		lint := findings(t, provider(t, policy.PyPI), "registry: pypi\nowner: o\nrepository: r\n"+publisher.Line("workflow", v)+"\n")[publisher.RuleWorkflowFormat]
		escapetest.WantQuotedOnce(t, "workflow format", lint, v)
	})
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
