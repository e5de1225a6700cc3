package policy

import "testing"

// TestQuoteJSON pins both spellings of an invisible character beyond
// U+FFFF, which is where the Google Cloud (JSON) and Kubernetes (YAML)
// suggestions differ.
func TestQuoteJSON(t *testing.T) {
	for _, c := range []struct {
		in         string
		json, yaml string
	}{
		{"a\"b<", `"a\"b<"`, `"a\"b<"`},
		{"x\u202ey\n", `"x\u202ey\n"`, `"x\u202ey\n"`},
		{"\U000e0041", `"\udb40\udc41"`, `"\U000e0041"`},
		{"é😀", `"é😀"`, `"é😀"`},
	} {
		if got := QuoteJSON(c.in, false); got != c.json {
			t.Errorf("QuoteJSON(%q, false) = %s, want %s", c.in, got, c.json)
		}
		if got := QuoteJSON(c.in, true); got != c.yaml {
			t.Errorf("QuoteJSON(%q, true) = %s, want %s", c.in, got, c.yaml)
		}
	}
}

// TestQuoteCEL: a hostile value stays one single-quoted CEL literal that
// shows every control and invisible character as an escape.
func TestQuoteCEL(t *testing.T) {
	for in, want := range map[string]string{
		"76491096":          `'76491096'`,
		`a'b"c\`:            `'a\'b"c\\'`,
		"x\x1b[2J\u202ey\n": `'x\x1b[2J\u202ey\n'`,
		"1' || true || '":   `'1\' || true || \''`,
		"\U000e0041é":       `'\U000e0041é'`,
	} {
		if got := QuoteCEL(in); got != want {
			t.Errorf("QuoteCEL(%q) = %s, want %s", in, got, want)
		}
	}
}
