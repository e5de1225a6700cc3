package actions

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestHostileNamesQuotedOnce: an output name and the members of the token
// endpoint's answer stand in an error raw between double quotes, so the
// view, escaping the whole message once, shows an ESC as \x1b and a
// literal backslash-x1b as \\x1b.
func TestHostileNamesQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		_, err := FormatOutputs([]Output{{Name: v, Value: "v"}}, bytes.NewReader(make([]byte, 64)))
		escapetest.WantQuotedOnce(t, "output name", errText(err), v)

		body, jerr := json.Marshal(map[string]any{"count": 1, v: "x"})
		if jerr != nil {
			t.Fatal(jerr)
		}
		_, err = tokenValue(body, "application/json", "")
		escapetest.WantShownOnce(t, "members", errText(err), `members: `+quotedOnceMembers("count", v))
	})
}

// quotedOnceMembers is the members as the error lists them: sorted, each
// raw between double quotes.
func quotedOnceMembers(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return `"` + a + `", "` + b + `"`
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
