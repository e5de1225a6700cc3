package npm

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
		r := eval(doc+publisher.Line("audience", v)+"\n", nil)
		escapetest.WantQuotedOnce(t, "audience lint", publishertest.Lint(r, RuleAudience), v)
		r = eval(doc, map[string]string{"aud": js})
		escapetest.WantQuotedOnce(t, "aud", publishertest.Said(t, r, "aud = npm:<host>"), v)
	})
}
