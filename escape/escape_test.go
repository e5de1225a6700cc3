package escape

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{"café ✓ 東京", "café ✓ 東京"},
		{"\x1b]52;c;ZXZpbA==\a", `\x1b]52;c;ZXZpbA==\x07`},
		{"\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"a\tb\nc\rd", `a\tb\nc\rd`},
		{"back\bspace\x7f", `back\x08space\x7f`},
		{"\u009b31m", `\u009b31m`},
		{"admin\u202e\u2066txt.exe", `admin\u202e\u2066txt.exe`},
		{"zero\u200bwidth\u200djoin\ufeff", `zero\u200bwidth\u200djoin\ufeff`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"tag\U000E0041", `tag\U000e0041`},
		{"bad\xffutf8", `bad\xffutf8`},
		{`C:\path\x1b`, `C:\\path\\x1b`},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzText checks the safety property and reversibility: the output holds no
// control, format or separator character, and decoding the escapes gives the
// input back. The forbidden characters are listed here from the Unicode
// categories rather than taken from Unsafe, so a character dropped from
// Unsafe is caught too.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]8;;http://x\a", "\u202e", "\\x1b", "\xff\xfe", "\U000E0001", "a\nb", "\u0085\u009b", "\u2066\u2069\u200b\u200f\ufeff", "\ufffd", "\u3164\u115f\ufe0f\U000E0101\u034f"} {
		f.Add(s)
	}
	for _, s := range corpusStrings(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		for i, r := range out {
			if forbidden(r) || Unsafe(r) {
				t.Fatalf("unsafe rune %U at %d in %q", r, i, out)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("output is not UTF-8: %q", out)
		}
		if !needsEscape(in) && out != in {
			t.Fatalf("printable text changed: %q -> %q", in, out)
		}
		if back := unescape(t, out); back != in {
			t.Fatalf("not reversible: %q -> %q -> %q", in, out, back)
		}
		if plain := out == strings.ReplaceAll(in, `\`, `\\`); Plain(in) != plain {
			t.Fatalf("Plain(%q) = %v, but Text gives %q", in, !plain, out)
		}
	})
}

// forbidden is what must never reach a terminal raw: every C0 control
// (Text writes even a line break as \n), DEL, the C1 controls, every format
// character (Cf: bidi embeddings, overrides and isolates U+202A-U+202E and
// U+2066-U+2069, zero-width U+200B-U+200F, the BOM, tag characters), every
// default-ignorable character (the table is pinned to Unicode's count by
// TestDefaultIgnorableTable) and the line and paragraph separators.
func forbidden(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || unicode.Is(unicode.Cf, r) ||
		unicode.Is(defaultIgnorable, r) || r == 0x2028 || r == 0x2029
}

// needsEscape: anything forbidden, a backslash (doubled), or a byte that
// is not UTF-8 or the replacement character standing for one.
func needsEscape(s string) bool {
	for _, r := range s {
		if forbidden(r) || r == '\\' || r == utf8.RuneError {
			return true
		}
	}
	return false
}

// FuzzJSON: escaping an encoded claim leaves no raw DEL, C1, format or
// separator character and decodes back to the same value.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{"plain", "\u009b2J", "a\u202eb", "\U000E0041", "\x7f", "\u2028", "é ✓", "\u3164\ufe0f\U000E0101"} {
		f.Add(s)
	}
	for _, s := range corpusStrings(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := json.Marshal(map[string]string{"claim": in})
		if err != nil {
			t.Fatal(err)
		}
		out := JSON(doc)
		for i, r := range string(out) {
			if forbidden(r) {
				t.Fatalf("raw %U at %d in %s", r, i, out)
			}
		}
		var back, want map[string]string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("escaped JSON does not parse: %v\n%s", err, out)
		}
		if err := json.Unmarshal(doc, &want); err != nil {
			t.Fatal(err)
		}
		if back["claim"] != want["claim"] {
			t.Fatalf("value changed: %q -> %q", want["claim"], back["claim"])
		}
	})
}

// corpusStrings are hostile and real strings from files in the repository:
// the JSONTestSuite documents (bad UTF-8, lone surrogates, a BOM; copied
// into decode/testdata with their provenance) and the fixture claim sets.
func corpusStrings(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, b := range testseeds.Small(append(testseeds.JSONTestSuite(tb), testseeds.ClaimSets(tb)...)) {
		out = append(out, string(b))
	}
	return out
}

// unescape reverses Text for the test; strconv handles Go escapes once
// double quotes are escaped too.
func unescape(t *testing.T, s string) string {
	back, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
	if err != nil {
		t.Fatalf("unquote %q: %v", s, err)
	}
	return back
}

func TestJSON(t *testing.T) {
	claims := map[string]string{"c1": "\u009b2J", "bidi": "a\u202eb", "zwj": "x\u200dy", "del": "\x7f", "tag": "\U000E0041", "ok": "é ✓"}
	doc, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	out := JSON(doc)
	for _, r := range string(out) {
		if r == 0x7f || Unsafe(r) {
			t.Fatalf("raw %U left in %s", r, out)
		}
	}
	if !strings.Contains(string(out), `\u202e`) || !strings.Contains(string(out), `\udb40\udc41`) || !strings.Contains(string(out), "é ✓") {
		t.Errorf("escapes missing or printable text changed: %s", out)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("escaped JSON does not parse: %v", err)
	}
	for k, v := range claims {
		if back[k] != v {
			t.Errorf("%s = %q after escaping, want %q", k, back[k], v)
		}
	}
}

func TestDocument(t *testing.T) {
	in := "{\n\t\"sub\": \"repo:o/r\\\\x:\u202e\x1b[2J\"\n}"
	want := "{\n\t\"sub\": \"repo:o/r\\\\x:\\u202e\\u001b[2J\"\n}"
	if got := Document(in); got != want {
		t.Errorf("Document = %q, want %q", got, want)
	}
}

// TestJSONWriterSplits: however a document is cut into writes, the
// writer's output is JSON of the whole — split sequences included.
func TestJSONWriterSplits(t *testing.T) {
	doc := []byte("{\"a\":\"x\u202ey\u00e9\U0001F600\u2066z\x7f\",\"b\":\"\xff\xfe\"}")
	want := string(JSON(doc))
	for size := 1; size <= len(doc); size++ {
		var out strings.Builder
		jw := NewJSONWriter(&out)
		for i := 0; i < len(doc); i += size {
			if n, err := jw.Write(doc[i:min(i+size, len(doc))]); err != nil || n != min(size, len(doc)-i) {
				t.Fatalf("write: %d, %v", n, err)
			}
		}
		if err := jw.Close(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Fatalf("writes of %d bytes: %q, want %q", size, out.String(), want)
		}
	}
}

// TestIndentWriterAsIndent: streaming compact JSON through IndentWriter, in
// writes of every size, gives what json.Indent gives for the whole.
func TestIndentWriterAsIndent(t *testing.T) {
	docs := []string{
		`{}`, `[]`, `{"a":[],"b":{},"c":[1,{"d":"x,y:[z]{"}],"e":"q\"uo\\te","f":null}`,
		`[[[]],{"":{"":[]}},"\u00e9",-1.5e3,true]`, `"just a string"`, `12`,
		"{\"a\":\"\\\\\",\"b\":\"\\\"\"}\n", " [1]\n",
	}
	for _, doc := range docs {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(doc), "", "  "); err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		for size := 1; size <= len(doc); size++ {
			var got bytes.Buffer
			iw := NewIndentWriter(&got, "  ")
			for i := 0; i < len(doc); i += size {
				iw.Write([]byte(doc[i:min(i+size, len(doc))]))
			}
			if got.String() != want.String() {
				t.Fatalf("%s in writes of %d:\n%s\nwant\n%s", doc, size, got.String(), want.String())
			}
		}
	}
}

func TestVerbatim(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "repo:octo-org/octo-repo:ref:refs/heads/main": true, "a b~": true,
		`a"b`: false, "a'b": false, `a\b`: false, "tab\t": false, "del\x7f": false, "é": false, "\x1b": false,
	} {
		if got := Verbatim(s); got != want {
			t.Errorf("Verbatim(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPlain(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "repo:octo-org/octo-repo": true, `C:\path`: true, "café ✓ 東京": true,
		"a\tb": false, "a\nb": false, "\x1b[201~": false, "del\x7f": false, "\u009b": false,
		"a\u202eb": false, "a\u3164b": false, "ok\ufe0f": false, "bad\xff": false, "\ufffd": false,
	} {
		if got := Plain(s); got != want {
			t.Errorf("Plain(%q) = %v, want %v", s, got, want)
		}
	}
}
