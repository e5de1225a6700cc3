// Package escapetest holds the strings that check a message path escapes a
// value from outside exactly once, and the check itself.
package escapetest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape"
)

// Hostile are the values each message path is fed. ESC and a literal
// backslash-x-1-b must read differently once shown; the rest are a quote,
// a newline, a bidi override and a zero-width space.
var Hostile = []struct{ Name, Value string }{
	{"ESC", "k\x1b[31m"},
	{"literal backslash x1b", `k\x1b[31m`},
	{"quote", `k"q`},
	{"newline", "k\nl"},
	{"bidi override", "k\u202el"},
	{"zero width space", "k\u200bl"},
}

// WantQuotedOnce fails unless msg, shown the way every view shows it
// (escape.Text, once), holds v between double quotes and escaped once:
// the message must hold v raw (escape.Quoted), not %q- or Text-escaped.
func WantQuotedOnce(t testing.TB, path, msg, v string) {
	t.Helper()
	WantShownOnce(t, path, msg, escape.Quoted(v))
}

// WantShownOnce fails unless msg, shown, holds want escaped once.
func WantShownOnce(t testing.TB, path, msg, want string) {
	t.Helper()
	if shown := escape.Text(msg); !strings.Contains(shown, escape.Text(want)) {
		t.Errorf("%s: shown as\n\t%s\nwant it to hold\n\t%s", path, shown, escape.Text(want))
	}
}
