package escape

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestInvisibleCharactersEscaped: the Default_Ignorable_Code_Point
// characters that are not format characters (Hangul fillers, variation
// selectors, the combining grapheme joiner, Khmer inherent vowels, the
// reserved ranges) draw nothing or a blank, so a claim can hide text with
// them; every escaping function must make them visible.
func TestInvisibleCharactersEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\u3164b", `a\u3164b`},         // HANGUL FILLER
		{"a\u115fb", `a\u115fb`},         // HANGUL CHOSEONG FILLER
		{"a\u1160b", `a\u1160b`},         // HANGUL JUNGSEONG FILLER
		{"a\uffa0b", `a\uffa0b`},         // HALFWIDTH HANGUL FILLER
		{"ok\ufe0f", `ok\ufe0f`},         // VARIATION SELECTOR-16
		{"ok\U000E0101", `ok\U000e0101`}, // VARIATION SELECTOR-18
		{"a\u034fb", `a\u034fb`},         // COMBINING GRAPHEME JOINER
		{"a\u17b4b", `a\u17b4b`},         // KHMER VOWEL INHERENT AQ
		{"a\u180bb", `a\u180bb`},         // MONGOLIAN FREE VARIATION SELECTOR ONE
		{"a\u180fb", `a\u180fb`},         // MONGOLIAN FREE VARIATION SELECTOR FOUR
		{"a\u2065b", `a\u2065b`},         // reserved, default ignorable
		{"a\ufff0b", `a\ufff0b`},         // reserved, default ignorable
		{"a\U000E01F0b", `a\U000e01f0b`}, // reserved, default ignorable
		{"a\U000E0FFFb", `a\U000e0fffb`}, // the table's last code point
		// Next to them, printable characters stay as they are.
		{"a\u3163b\u3165", "a\u3163b\u3165"},
		{"\u2764\ufe0e", "\u2764" + `\ufe0e`}, // VARIATION SELECTOR-15 after a heart
		{"\U000E1000", "\U000E1000"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Document(tt.in); got != tt.want {
			t.Errorf("Document(%q) = %q, want %q", tt.in, got, tt.want)
		}
		doc, err := json.Marshal(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		out := string(JSON(doc))
		// What Text escapes, JSON escapes too: a non-ASCII character
		// left raw must be one Text left raw.
		for _, r := range out {
			if r > 0x7e && !strings.ContainsRune(tt.want, r) {
				t.Errorf("JSON(%s) left %U raw: %s", doc, r, out)
			}
		}
		var back string
		if err := json.Unmarshal([]byte(out), &back); err != nil || back != tt.in {
			t.Errorf("JSON(%s) = %s, reads back as %q, %v", doc, out, back, err)
		}
	}
}

// TestDefaultIgnorableTable pins the table to the figure the Unicode data
// file prints under the property ("Total code points: 4174") and checks
// that it holds the property's format characters: a range dropped, widened
// or mistyped shows here.
func TestDefaultIgnorableTable(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(defaultIgnorable, r) {
			n++
		}
	}
	if n != 4174 {
		t.Errorf("the table holds %d code points, DerivedCoreProperties-16.0.0 counts 4174", n)
	}
	// The derivation includes Cf less white space, U+FFF9..U+FFFB,
	// U+13430..U+13440 and the prepended concatenation marks; spot-check
	// Cf members on both sides of that rule.
	for _, r := range []rune{0x00ad, 0x061c, 0x180e, 0x200b, 0x200f, 0x202e, 0x2066, 0x2069, 0xfeff, 0x1bca0, 0x1d17a, 0xe0001, 0xe007f} {
		if !unicode.Is(defaultIgnorable, r) {
			t.Errorf("%U is default ignorable", r)
		}
	}
	for _, r := range []rune{0x0600, 0x06dd, 0x070f, 0x110bd, 0xfff9, 0xfffb, 0x13430, 0x0020, 0x00a0, 0x3000, 0x3163, 0x3165, 0xe1000} {
		if unicode.Is(defaultIgnorable, r) {
			t.Errorf("%U is not default ignorable", r)
		}
	}
}

// TestFastPathsAgreeWithUnsafe walks every code point: what the ASCII fast
// paths (clean, Verbatim, isASCIINoDEL) let through unchanged the slow
// paths leave unchanged too, and every unsafe character is escaped by
// Text, Document and JSON alike.
func TestFastPathsAgreeWithUnsafe(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue // not encodable in UTF-8
		}
		s := string(buf[:utf8.EncodeRune(buf[:], r)])
		if (clean(s) || Verbatim(s)) && (Unsafe(r) || Text(s) != s) {
			t.Fatalf("%U passes a fast path but is escaped", r)
		}
		if escapes := Unsafe(r) && r >= 0x7f && r != utf8.RuneError; (firstUnsafe([]byte(s)) == 0) != escapes {
			t.Fatalf("firstUnsafe(%U) = %d", r, firstUnsafe([]byte(s)))
		}
		if Plain(s) == Unsafe(r) {
			t.Fatalf("Plain(%U) = %v, Unsafe = %v", r, Plain(s), Unsafe(r))
		}
		if !Unsafe(r) {
			continue
		}
		if Text(s) == s || Document(s) == s && r != '\n' && r != '\t' {
			t.Fatalf("%U is unsafe but left raw", r)
		}
		if r >= 0x7f && r != utf8.RuneError && bytes.Equal(JSON([]byte(`"`+s+`"`)), []byte(`"`+s+`"`)) {
			t.Fatalf("%U is unsafe but JSON leaves it raw", r)
		}
	}
}
