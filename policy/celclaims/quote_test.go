package celclaims

import (
	"testing"
	"unicode/utf8"
)

// TestQuote: the escapes, spelled out so a reviewer can see them;
// FuzzQuote shows that each reads back as its input.
func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"'''":              `'\'\'\''`,
		`\'`:               `'\\\''`,
		`"`:                `'"'`,
		"nul\x00":          `'nul\x00'`,
		"nbsp\u00a0":       `'nbsp\u00a0'`,
		"tag\U000E0041":    `'tag\U000e0041'`,
		"emoji \U0001F600": "'emoji \U0001F600'",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzQuote: whatever a claim holds, its literal reads back as itself in
// CEL, so a hostile value can neither end the literal nor change it.
// Token values are valid UTF-8 (the decoder replaces bad bytes), so only
// those are tried.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"plain", `x' || true || '`, `\'`, "'''", "\"\"\"", "\u202e\x00\x1b[2J", "\U0001F600\u00a0", `\u0041`} {
		f.Add(s)
	}
	env := testEnv(f)
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		lit := Quote(in)
		for _, r := range lit {
			if r < 0x20 || r == 0x7f || r == '\u202e' {
				t.Fatalf("Quote(%q) = %q holds an invisible character", in, lit)
			}
		}
		out, err := eval(program(t, env, lit+" == claims.x"), map[string]any{"claims": map[string]any{"x": in}})
		if err != nil || out.Value() != true {
			t.Fatalf("%s does not read back as %q: %v %v", lit, in, out, err)
		}
	})
}
