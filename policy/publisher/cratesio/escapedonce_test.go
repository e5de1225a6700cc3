package cratesio

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
		r := eval("registry: crates.io\n"+publisher.Line("package", v)+"\nowner: rust-lang\nrepository: foo-rs\nworkflow: publish.yml\nowner_id: \"42\"\n", nil)
		escapetest.WantQuotedOnce(t, "crate", publishertest.Said(t, r, "the crate"), v)
	})
}
