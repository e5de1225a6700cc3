package rubygems

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
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
		eval := publishertest.Evaluator(t, p, base)
		r := eval(doc+publisher.Line("workflow_repository", v)+"\n", nil)
		escapetest.WantQuotedOnce(t, "workflow_repository lint", publishertest.Lint(r, RuleWorkflowRepository), v)
	})
}
