package entra

import (
	"testing"
	"unicode/utf8"
)

func TestMatchWildcard(t *testing.T) {
	tests := []struct {
		pattern, value string
		want           bool
		why            string
	}{
		{"", "", true, "empty matches empty"},
		{"", "a", false, "empty pattern matches only empty"},
		{"*", "", true, "* matches the empty string"},
		{"*", "repo:o/r:ref:refs/heads/main", true, "* spans ':' and '/' (assumed)"},
		{"repo:octo-org/octo-repo:*", "repo:octo-org/octo-repo:ref:refs/heads/main", true, "trailing * spans the ref and its slashes"},
		{"repo:octo-org/octo-repo:*", "repo:octo-org/octo-repo-evil:ref:refs/heads/main", false, "the ':' after the repo name is literal"},
		{"repo:octo-org/octo-repo:ref:refs/heads/*", "repo:octo-org/octo-repo:ref:refs/heads/feature/x", true, "* spans '/' inside a branch name"},
		{"repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org/octo-repo:ref:refs/heads/main-2", false, "whole-string: a literal prefix is not enough"},
		{"repo:Octo-Org/octo-repo:*", "repo:octo-org/octo-repo:pull_request", false, "case-sensitive"},
		{"a?c", "abc", true, "? is one character"},
		{"a?c", "ac", false, "? is exactly one, not zero"},
		{"a?c", "abbc", false, "? is exactly one, not two"},
		{"a?c", "a€c", true, "? is one rune, not one byte"},
		{"?", "é", true, "? matches a multi-byte rune"},
		{"??", "é", false, "two ? need two runes"},
		{"a*b*c", "aXXbYYc", true, "several stars"},
		{"a*b*c", "aXXbYY", false, "several stars, missing tail"},
		{"*a", "aaaa", true, "star backtracks"},
		{"a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaa", false, "pathological pattern stays linear-ish and false"},
		{"**", "x", true, "consecutive stars"},
		{"x**", "x", true, "trailing stars match empty"},
		{"*?", "", false, "? after * still needs a character"},
		{"[a]", "[a]", true, "brackets are literal (no character classes)"},
		{`\*`, `\x`, true, "backslash is literal, it does not escape *"},
		{`\*`, `*`, false, "backslash is literal, so the pattern needs two characters"},
		{"octo-org/octo-automation/.github/workflows/*@refs/heads/main", "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", true, "reference example for job_workflow_ref"},
		{"octo-org/octo-automation/.github/workflows/*@refs/heads/main", "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/dev", false, "reference example, other ref"},
	}
	for _, tc := range tests {
		if got := matchWildcard(tc.pattern, tc.value); got != tc.want {
			t.Errorf("matchWildcard(%q, %q) = %v, want %v: %s", tc.pattern, tc.value, got, tc.want, tc.why)
		}
	}
}

func TestLiteralPrefix(t *testing.T) {
	for pattern, want := range map[string]string{"repo:o/r:*": "repo:o/r:", "a?b*": "a", "plain": "plain", "*x": ""} {
		if got := literalPrefix(pattern); got != want {
			t.Errorf("literalPrefix(%q) = %q, want %q", pattern, got, want)
		}
	}
}

// FuzzMatchWildcard checks the hand-written matcher against a regular
// expression built from the same pattern ('*' → (?s).*, '?' → .).
func FuzzMatchWildcard(f *testing.F) {
	seeds := [][2]string{
		{"repo:octo-org/octo-repo:*", "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{"a?c*", "abcdef"}, {"*a*b", "xaxb"}, {"?", "é"}, {"", ""}, {"*", "\n"},
		{"a*a*a*b", "aaaaaaaaab"}, {"[*]", "[x]"}, {"\xff", "\xff"}, {"?", "\xff"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, value string) {
		if len(pattern) > 256 || len(value) > 1024 {
			return
		}
		got := matchWildcard(pattern, value) // must not panic on anything
		if !utf8.ValidString(pattern) || !utf8.ValidString(value) {
			return // JSON decoding hands the matcher valid UTF-8 only
		}
		re, err := wildcardRegexp(pattern, `.*`)
		if err != nil {
			t.Skipf("reference regexp for %q does not compile: %v", pattern, err)
		}
		if want := re.MatchString(value); got != want {
			t.Fatalf("matchWildcard(%q, %q) = %v, regexp %s says %v", pattern, value, got, re, want)
		}
	})
}
