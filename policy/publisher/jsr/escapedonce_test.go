package jsr

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestHostileValuesQuotedOnce: JSR's lint, suggestion and conditions quote
// a value from the document or the token raw between double quotes, so
// the view, escaping the whole message once, shows an ESC as \x1b and a
// literal backslash-x1b as \\x1b.
func TestHostileValuesQuotedOnce(t *testing.T) {
	p := publisher.NewProvider(Registry())
	escapetest.Each(t, func(t *testing.T, v string) {
		js := policy.QuoteJSON(v, false)
		eval := publishertest.Evaluator(t, p, base)
		const head = "registry: jsr\nowner: octo-org\nrepository: foo\n"

		for _, tc := range []struct{ path, key, rule string }{
			{"package lint", "package", RulePackage},
			{"version lint", "version", RuleVersion},
			{"repository_id lint", "repository_id", RuleRepositoryID},
		} {
			r := eval(head+publisher.Line(tc.key, v)+"\n", nil)
			escapetest.WantQuotedOnce(t, tc.path, publishertest.Lint(r, tc.rule), v)
		}

		_, err := p.Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": v}), policy.ScopeRepo)
		escapetest.WantQuotedOnce(t, "suggestion's aud", errText(err), v)

		r := eval(doc, map[string]string{"actor": js})
		escapetest.WantQuotedOnce(t, "actor", publishertest.Said(t, r, "the actor is a member"), v)
		r = eval(doc, map[string]string{"actor_id": js})
		escapetest.WantQuotedOnce(t, "actor_id", publishertest.Said(t, r, "the actor is a member"), v)

		noID := "registry: jsr\nowner: octo-org\nrepository: foo\npackage: \"@scope/foo\"\n"
		r = eval(noID, map[string]string{"repository_id": js})
		escapetest.WantQuotedOnce(t, "repository_id not checked", publishertest.Said(t, r, "linked repository's ID"), v)
		r = eval(noID, map[string]string{"repository": js})
		escapetest.WantQuotedOnce(t, "repository not checked", publishertest.Said(t, r, "linked repository's ID"), v)
		r = eval("registry: jsr\n"+publisher.Line("owner", v)+"\nrepository: foo\npackage: \"@scope/foo\"\n", nil)
		escapetest.WantQuotedOnce(t, "linked repository not checked", publishertest.Said(t, r, "linked repository's ID"), v+"/foo")

		r = eval(doc, map[string]string{"repository": js})
		escapetest.WantQuotedOnce(t, "renamed repository", publishertest.Said(t, r, "repository_id = "), v)
		r = eval(doc, map[string]string{"repository": js, "repository_id": `"9"`})
		escapetest.WantQuotedOnce(t, "another repository", publishertest.Said(t, r, "repository_id = "), v)
		r = eval("registry: jsr\nowner: octo-org\n"+publisher.Line("repository", v)+"\nrepository_id: \"123456\"\npackage: \"@scope/foo\"\n",
			map[string]string{"repository": policy.QuoteJSON("octo-org/"+v, false), "repository_id": `"9"`})
		escapetest.WantQuotedOnce(t, "re-created repository", publishertest.Said(t, r, "repository_id = "), "octo-org/"+v)
	})
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
