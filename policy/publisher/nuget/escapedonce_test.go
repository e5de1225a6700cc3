package nuget

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestHostileValuesQuotedOnce: the messages quote a value from the
// document or the token raw between double quotes (escape.Quoted), so the
// view, escaping the whole message once, shows an ESC as \x1b and a
// literal backslash-x1b as \\x1b.
func TestHostileValuesQuotedOnce(t *testing.T) {
	p := publisher.NewProvider(Registry())
	escapetest.Each(t, func(t *testing.T, v string) {
		js := policy.QuoteJSON(v, false)
		eval := publishertest.Evaluator(t, p, base)
		r := eval(doc, map[string]string{"event_name": js})
		escapetest.WantShownOnce(t, "event", publishertest.Said(t, r, "the events NuGet refuses"), `"The GitHub Actions event '`+v+`' is not allowed."`)
		r = eval(doc+publisher.Line("package", v)+"\n", nil)
		escapetest.WantQuotedOnce(t, "package", publishertest.Said(t, r, "the package"), v)
		r = eval("registry: nuget\nuser: test-user\nowner: test-owner\nowner_id: id-123\nrepository: test-repo\nrepository_id: id-456\nworkflow: test.yml\nenvironment: production\n", map[string]string{"aud": js})
		escapetest.WantQuotedOnce(t, "audience", publishertest.Said(t, r, "NuGet's audience"), v)
	})
}
