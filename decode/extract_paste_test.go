package decode

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// foldLines breaks s into lines of width characters, as a terminal or
// `fold -w` does; the last line is whatever is left.
func foldLines(s string, width int) []string {
	var lines []string
	for len(s) > width {
		lines = append(lines, s[:width])
		s = s[width:]
	}
	return append(lines, s)
}

// prefixed puts prefix before every line and joins them with newlines.
func prefixed(prefix string, lines []string) string {
	return prefix + strings.Join(lines, "\n"+prefix)
}

// pasteShapes are the pastes of issue 16, item 10, around tok: each must
// give back exactly tok, with the surroundings and line breaks reported.
func pasteShapes(tok string) []struct{ name, in string } {
	wrapped := strings.Join(foldLines(tok, 80), "\n")
	return []struct{ name, in string }{
		{"label line, then a wrapped token", "OIDC token:\n" + wrapped + "\n"},
		{"label and token wrapped together", strings.Join(foldLines("OIDC token: "+tok, 80), "\n")},
		{"wrapped token, then a log line", wrapped + "\nDone in 3s.\n"},
		{"wrapped token, then a one-word line", wrapped + "\nDone\n"},
		{"wrapped token, then a dotted word", wrapped + "\nv1.2.3\n"},
		{"timestamped log lines", prefixed("2026-12-06T10:00:00.1234567Z ", foldLines(tok, 90)) + "\n2026-12-06T10:00:01.0000000Z Done\n"},
		{"email quote", prefixed("> ", foldLines(tok, 72))},
		{"nested email quote", prefixed("> > ", foldLines(tok, 70))},
		{"end of a sentence", "The token is " + tok + ".\n"},
		{"end of a wrapped sentence", strings.Join(foldLines("The token is "+tok+".", 80), "\n")},
		{"in a sentence, quoted", "The token is \"" + tok + "\", see above."},
		{"a word before it", "token " + tok},
	}
}

func TestExtractPasteShapes(t *testing.T) {
	for _, tok := range testseeds.StaticTokens(t)[:2] {
		for _, c := range pasteShapes(tok) {
			t.Run(c.name, func(t *testing.T) {
				ex, err := Extract([]byte(c.in), 0)
				if err != nil {
					t.Fatalf("Extract: %v", err)
				}
				if ex.Text != tok {
					t.Fatalf("text = %q\nwant   %q", ex.Text, tok)
				}
				if !slices.Contains(ex.Stripped, StripSurroundingText) {
					t.Errorf("stripped = %q, want %q among them", ex.Stripped, StripSurroundingText)
				}
				if len(ex.Notes) != 0 {
					t.Errorf("notes = %q, want none", ex.Notes)
				}
			})
		}
	}
}

// TestExtractNeverJoinsTwoTokens: lines that are each a whole token, or a
// wrapped token followed by a whole one, are two tokens, never one.
func TestExtractNeverJoinsTwoTokens(t *testing.T) {
	toks := testseeds.StaticTokens(t)
	a, b := toks[0], toks[1]
	for name, in := range map[string]string{
		"wrapped, then a whole token":     strings.Join(foldLines(a, 80), "\n") + "\n" + b,
		"timestamped, then a whole token": prefixed("2026-12-06T10:00:00.1234567Z ", append(foldLines(a, 90), b)),
		"two sentences":                   "First " + a + ". Then " + b + ".",
	} {
		t.Run(name, func(t *testing.T) {
			ex, err := Extract([]byte(in), 0)
			if err != nil || ex.Text != a || len(ex.Notes) != 1 {
				t.Fatalf("got %q, notes %q, err %v; want the first token and a note", ex.Text, ex.Notes, err)
			}
		})
	}
}

// TestExtractUnsignedThenAWord: an unsigned token's signature is empty, so
// the word on the next line is not joined to it as one.
func TestExtractUnsignedThenAWord(t *testing.T) {
	unsigned := b64(`{"alg":"none"}`) + "." + b64(`{"sub":"x"}`) + "."
	ex, err := Extract([]byte("Token: "+unsigned+"\nDone\n"), 0)
	if err != nil || ex.Text != unsigned {
		t.Fatalf("Extract = %q, %v; want %q", ex.Text, err, unsigned)
	}
}
