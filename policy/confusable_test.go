package policy_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// confusableWant is the sub the confusable cases of TestMismatch spell
// with a look-alike character.
const confusableWant = "repo:octo-org/octo-repo:ref:refs/heads/main"

// TestMismatchNamesConfusables: when the first difference is a character
// outside ASCII, the diagnosis names it and, for the common homoglyphs,
// says what it looks like (TestMismatch's confusable cases); a plain
// ASCII difference gets no such line.
func TestMismatchNamesConfusables(t *testing.T) {
	// An ASCII difference names nothing; Align itself keeps to its four
	// lines, which redact recognises.
	if got := joined(policy.Mismatch(policy.AWS, "sub", []string{confusableWant}, "repo:octo-org/octo-repo:ref:refs/heads/mian", true)); strings.Contains(got, "U+") {
		t.Errorf("an ASCII difference got a code point line:\n%s", got)
	}
	if got := policy.Align(confusableWant, "repo:octo-org/\u043ecto-repo:ref:refs/heads/main"); len(got) != 4 {
		t.Errorf("Align wrote %d lines, want 4: %q", len(got), got)
	}
	// A wildcard pattern's literal prefix is aligned the same way.
	got := joined(policy.PatternMismatch(policy.AWS, "sub", []string{"repo:octo-org/octo-repo:*"}, "repo:octo-org/\u043ecto-repo:ref:refs/heads/main",
		func(p string) string { return strings.TrimSuffix(p, "*") }))
	if !strings.Contains(got, "U+043E CYRILLIC SMALL LETTER O") {
		t.Errorf("pattern diagnosis does not name the homoglyph:\n%s", got)
	}
}
