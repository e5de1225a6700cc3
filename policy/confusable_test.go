package policy

import (
	"strings"
	"testing"
)

// TestMismatchNamesConfusables: when the first difference is a character
// outside ASCII, the diagnosis names it and, for the common homoglyphs,
// says what it looks like; a plain ASCII difference gets no such line.
func TestMismatchNamesConfusables(t *testing.T) {
	const want = "repo:octo-org/octo-repo:ref:refs/heads/main"
	tests := []struct {
		name, expected, actual string
		says                   []string
	}{
		{"Cyrillic o in the token", want, "repo:octo-org/\u043ecto-repo:ref:refs/heads/main",
			[]string{"first difference at character 15", "the token has U+043E CYRILLIC SMALL LETTER O, looks like 'o'"}},
		{"Cyrillic a in the policy", "repo:\u0430cme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/heads/main",
			[]string{"the policy has U+0430 CYRILLIC SMALL LETTER A, looks like 'a'"}},
		{"Greek omicron", want, "repo:\u03bfcto-org/octo-repo:ref:refs/heads/main",
			[]string{"U+03BF GREEK SMALL LETTER OMICRON, looks like 'o'"}},
		{"fullwidth solidus", want, "repo:octo-org\uff0focto-repo:ref:refs/heads/main",
			[]string{"U+FF0F FULLWIDTH SOLIDUS, looks like '/'"}},
		{"en dash", want, "repo:octo\u2013org/octo-repo:ref:refs/heads/main",
			[]string{"U+2013 EN DASH, looks like '-'"}},
		{"right single quotation mark", "repo:o/r:environment:it's", "repo:o/r:environment:it\u2019s",
			[]string{"U+2019 RIGHT SINGLE QUOTATION MARK, looks like '\\''"}},
		{"named but no lookalike", "repo:o/r:environment:cafe", "repo:o/r:environment:caf\u00e9",
			[]string{"the token has U+00E9 LATIN SMALL LETTER E WITH ACUTE\n"}},
		{"invisible character", want, "repo:octo-org/\u200bocto-repo:ref:refs/heads/main",
			[]string{"the token has U+200B ZERO WIDTH SPACE"}},
		{"not UTF-8", want, "repo:octo-org/\xffcto-repo:ref:refs/heads/main",
			[]string{"the token has the byte 0xff, not UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joined(Mismatch(AWS, "sub", []string{tt.expected}, tt.actual, true)) + "\n"
			for _, w := range tt.says {
				if !strings.Contains(got, w) {
					t.Errorf("diagnosis lacks %q:\n%s", w, got)
				}
			}
			if strings.Contains(tt.name, "no lookalike") && strings.Contains(got, "looks like") {
				t.Errorf("no lookalike expected:\n%s", got)
			}
		})
	}
	// An ASCII difference names nothing; Align itself keeps to its four
	// lines, which redact recognises.
	if got := joined(Mismatch(AWS, "sub", []string{want}, "repo:octo-org/octo-repo:ref:refs/heads/mian", true)); strings.Contains(got, "U+") {
		t.Errorf("an ASCII difference got a code point line:\n%s", got)
	}
	if got := Align(want, "repo:octo-org/\u043ecto-repo:ref:refs/heads/main"); len(got) != 4 {
		t.Errorf("Align wrote %d lines, want 4: %q", len(got), got)
	}
	// A wildcard pattern's literal prefix is aligned the same way.
	got := joined(PatternMismatch(AWS, "sub", []string{"repo:octo-org/octo-repo:*"}, "repo:octo-org/\u043ecto-repo:ref:refs/heads/main",
		func(p string) string { return strings.TrimSuffix(p, "*") }))
	if !strings.Contains(got, "U+043E CYRILLIC SMALL LETTER O") {
		t.Errorf("pattern diagnosis does not name the homoglyph:\n%s", got)
	}
}
