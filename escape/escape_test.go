package escape

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
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
// input back.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]8;;http://x\a", "\u202e", "\\x1b", "\xff\xfe", "\U000E0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		for i, r := range out {
			if r < 0x20 || r == 0x7f || Unsafe(r) {
				t.Fatalf("unsafe rune %U at %d in %q", r, i, out)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("output is not UTF-8: %q", out)
		}
		if back := unescape(t, out); back != in {
			t.Fatalf("not reversible: %q -> %q -> %q", in, out, back)
		}
	})
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
