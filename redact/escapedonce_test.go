package redact

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestParseModeQuotesOnce: an unknown mode (from a flag or an action
// input) stands in the error raw between double quotes, so the view,
// escaping the whole message once, shows an ESC as \x1b and a literal
// backslash-x1b as \\x1b.
func TestParseModeQuotesOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		_, err := ParseMode(v)
		if err == nil {
			t.Fatalf("ParseMode(%q) succeeded", v)
		}
		escapetest.WantQuotedOnce(t, "mode", err.Error(), v)
	})
}
