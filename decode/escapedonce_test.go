package decode

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestJWENoteQuotesOnce: a JWE's alg and enc, from the token's header,
// stand in its note raw between double quotes, so the view, escaping the
// note once, shows an ESC as \x1b and a literal backslash-x1b as \\x1b.
func TestJWENoteQuotesOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		for _, field := range []string{"alg", "enc"} {
			header, err := json.Marshal(map[string]string{"alg": "dir", "enc": "A128GCM", field: v})
			if err != nil {
				t.Fatal(err)
			}
			for _, form := range []struct{ name, token string }{
				{"compact", b64(string(header)) + ".a2V5.aXY.Y2lwaGVy.dGFn"},
				{"JSON", `{"protected":"` + b64(string(header)) + `","ciphertext":"YWJj","iv":"YWJj","tag":"YWJj"}`},
			} {
				tok, err := Parse(form.token)
				if err != nil {
					t.Fatalf("%s: Parse: %v", form.name, err)
				}
				escapetest.WantQuotedOnce(t, form.name+" JWE "+field, strings.Join(tok.Notes, "\n"), v)
			}
		}
	})
}
