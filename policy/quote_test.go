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
