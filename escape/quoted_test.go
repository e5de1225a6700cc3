package escape

import "testing"

// TestQuotedShownOnce: a quoted value, shown, is escaped once: an ESC
// reads \x1b and a backslash then x1b reads \\x1b, never the same.
func TestQuotedShownOnce(t *testing.T) {
	for _, c := range []struct{ raw, shown string }{
		{"k\x1b[31m", `"k\x1b[31m"`},
		{`k\x1b[31m`, `"k\\x1b[31m"`},
		{`k"q`, `"k"q"`},
		{"k\nl", `"k\nl"`},
		{"k\u202el", `"k\u202el"`},
		{"k\u200bl", `"k\u200bl"`},
	} {
		if got := Text(Quoted(c.raw)); got != c.shown {
			t.Errorf("Text(Quoted(%q)) = %s, want %s", c.raw, got, c.shown)
		}
	}
}
