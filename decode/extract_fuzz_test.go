package decode

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

var stripNames = []string{StripBOM, StripWhitespace, StripLineBreaks, StripAuthorization, StripBearer, StripQuotes, StripTokenEndpoint, StripSurroundingText}

// FuzzExtract: extraction alone, apart from decoding. On any text it either
// fails with a located "no token" or "too large" error, or returns a
// non-empty token that is no longer than the input, made only of the
// characters a compact token can hold (or a JSON serialization), and that
// is a fixed point: extracting from it again finds it unchanged with
// nothing stripped. A failure of the last property means Extract and the
// decoder would disagree about what was pasted.
func FuzzExtract(f *testing.F) {
	addSeeds(f)
	addCorpusSeeds(f)
	for _, tok := range testseeds.StaticTokens(f)[:2] {
		for _, s := range []string{
			"Authorization: Bearer " + tok + "\r\n",
			"'" + tok[:40] + "\n" + tok[40:] + "'",
			`{"count":1,"value":" \"` + tok + `\" "}`,
			"log: a=" + tok + " b=" + tok + ".x",
		} {
			f.Add([]byte(s))
		}
		for _, c := range pasteShapes(tok) {
			f.Add([]byte(c.in))
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, w := range strings.Fields(string(in)) {
			if isWholeToken(w) != (jwsRun().FindString(w) == w) {
				t.Fatalf("isWholeToken(%q) = %v, the regular expression says otherwise", w, isWholeToken(w))
			}
		}
		ex, err := Extract(in, 0)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Segment != "input" || !errors.Is(err, ErrNoToken) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v (%T) is not a located ErrNoToken or ErrTooLarge", err, err)
			}
			if ex.Text != "" {
				t.Fatalf("error %v with text %q", err, ex.Text)
			}
			return
		}
		if ex.Text == "" || len(ex.Text) > len(in) {
			t.Fatalf("extracted %d bytes from %d", len(ex.Text), len(in))
		}
		for _, s := range ex.Stripped {
			if !slices.Contains(stripNames, s) {
				t.Fatalf("unknown stripped name %q", s)
			}
		}
		if !strings.HasPrefix(ex.Text, "{") && strings.ContainsFunc(ex.Text, func(r rune) bool { return !isTokenChar(r) }) {
			t.Fatalf("compact text %q holds a character no token has", ex.Text)
		}
		again, err := Extract([]byte(ex.Text), 0)
		if err != nil || again.Text != ex.Text || len(again.Stripped) > 0 || len(again.Notes) > 0 {
			t.Fatalf("not a fixed point: %q -> %q, again -> %q stripped %q notes %q err %v",
				in, ex.Text, again.Text, again.Stripped, again.Notes, err)
		}
	})
}

// FuzzExtractInText: a real token surrounded by any text that holds no
// character a compact token can (so the surroundings cannot extend or fake
// one) is found exactly, whatever the wrapping: quotes, braces, brackets,
// control characters, other scripts, invalid UTF-8.
func FuzzExtractInText(f *testing.F) {
	for _, s := range [][2]string{
		{"", ""}, {`"`, `"`}, {"'", "'"}, {"`  ", " `"}, {"\uFEFF", "\n"}, {`{"":"`, `"}`}, {"[", "]"},
		{"\x1b]52;c;", "\a"}, {"\u202e", "\u2066"}, {"\xff\xfe", "\xc3"}, {"токен: «", "»"}, {"\t\r\n", " \u00a0"},
	} {
		f.Add(s[0], s[1], uint8(0))
	}
	f.Add(`"'`, `'"`, uint8(1))
	tokens := append(testseeds.StaticTokens(f),
		// Compact JWE, five segments (from the decoder's tests).
		"eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.ZW5jcnlwdGVka2V5eHg.aXYwMTIzNDU2Nzg.Y2lwaGVydGV4dC1ieXRlcw.dGFnMDEyMzQ1Njc4OWFiYw")
	f.Fuzz(func(t *testing.T, prefix, suffix string, which uint8) {
		prefix, suffix = withoutTokenChars(prefix), withoutTokenChars(suffix)
		tok := tokens[int(which)%len(tokens)]
		in := prefix + tok + suffix
		if len(in) > DefaultMaxSize {
			return
		}
		ex, err := Extract([]byte(in), 0)
		if err != nil || ex.Text != tok {
			t.Fatalf("Extract(%q) = %q, %v; want the token", in, ex.Text, err)
		}
	})
}

// isTokenChar: base64url, the dot, and the near-misses ('+', '/', '=')
// that Extract keeps so the decoder can report them precisely.
func isTokenChar(r rune) bool {
	return r < 0x80 && (isB64URL(byte(r)) || strings.ContainsRune(".+/=", r))
}

// withoutTokenChars drops every character a compact token can hold, byte
// by byte so invalid UTF-8 survives.
func withoutTokenChars(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || !isTokenChar(rune(c)) {
			b.WriteByte(c)
		}
	}
	return b.String()
}
