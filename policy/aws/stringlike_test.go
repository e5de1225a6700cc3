package aws

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestLike(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
		why        string
	}{
		{"", "", true, "empty pattern matches only the empty string"},
		{"", "a", false, "empty pattern does not match text"},
		{"*", "", true, "* matches the empty string"},
		{"*", "repo:o/r:ref:refs/heads/main", true, "* alone matches anything"},
		{"**", "", true, "consecutive stars still match empty"},
		{"a**b", "ab", true, "consecutive stars match empty between literals"},
		{"a**b", "axxb", true, "consecutive stars match a run"},
		{"?", "", false, "? needs exactly one character"},
		{"?", "ab", false, "? matches one character only"},
		{"?", "é", true, "? matches a two-byte character as one"},
		{"?", "日", true, "? matches a three-byte character as one"},
		{"??", "日", false, "a three-byte character is one character, not two"},
		{"repo:?/r", "repo:é/r", true, "? inside a pattern over a multibyte character"},
		{"repo:octo-org/octo-repo:*", "repo:octo-org/octo-repo:ref:refs/heads/main", true, "* spans / and :"},
		{"repo:octo-org/*", "repo:octo-org/octo-repo:environment:prod", true, "* spans the rest"},
		{"repo:octo-org/octo-repo:*", "repo:octo-org/octo-repo-evil:ref:refs/heads/main", false, "whole-string: the colon must follow the name"},
		{"repo:octo-org/octo-repo", "repo:octo-org/octo-repo:ref:refs/heads/main", false, "no implicit trailing wildcard"},
		{"octo-repo:*", "repo:octo-org/octo-repo:ref:x", false, "no implicit leading wildcard"},
		{"Repo:*", "repo:x", false, "case-sensitive"},
		{"a[b]c", "a[b]c", true, "[ and ] are literal"},
		{"a[b]c", "abc", false, "no character classes"},
		{`a\*b`, `a\xyzb`, true, `backslash is literal and does not escape *`},
		{`a\*b`, `a*b`, false, `backslash must be present literally`},
		{"a.c", "abc", false, ". is literal"},
		{"a+", "aa", false, "+ is literal"},
		{"a+", "a+", true, "+ matches itself"},
		{"*:pull_request", "repo:o/r:pull_request", true, "leading star"},
		{"*a*a*a*a*a*b", strings.Repeat("a", 60), false, "many stars, no exponential blow-up"},
		{"*?", "", false, "*? needs at least one character"},
		{"*?", "日", true, "*? over one multibyte character"},
		{"a*", "a", true, "trailing star matches empty"},
		{"*b", "aaab", true, "backtracking star"},
		{"*ab", "aab", true, "star retries after a partial match"},
		{"a?c*", "a日cdef", true, "? and * together"},
	}
	for _, tt := range tests {
		if got := Like(tt.pattern, tt.s); got != tt.want {
			t.Errorf("Like(%q, %q) = %v, want %v: %s", tt.pattern, tt.s, got, tt.want, tt.why)
		}
	}
}

func TestLikeIsNotExponential(t *testing.T) {
	pattern := strings.Repeat("*a", 200) + "b"
	s := strings.Repeat("a", 5000)
	start := time.Now()
	if Like(pattern, s) {
		t.Fatal("pattern ending in b must not match a string of a's")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Like took %v on a pathological input; the two-pointer match should be quadratic at worst", d)
	}
}

// likeRegexp is the slow reference: the pattern translated to an anchored
// regular expression over runes.
func likeRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

func FuzzStringLike(f *testing.F) {
	seeds := [][2]string{
		{"", ""}, {"*", ""}, {"?", "é"}, {"?", "日"}, {"**", "x"}, {"a*b?c", "axxbyc"},
		{"[a-z]", "b"}, {`\*`, `\x`}, {".+", "aa"}, {"repo:o/*:*", "repo:o/r:ref:refs/heads/main"},
		{"*?*", "日本"}, {"a\nb*", "a\nbc"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) || len(pattern) > 256 || len(s) > 1024 {
			return // the reference regexp cannot express invalid UTF-8
		}
		want := likeRegexp(pattern).MatchString(s)
		if got := Like(pattern, s); got != want {
			t.Errorf("Like(%q, %q) = %v, reference regexp says %v", pattern, s, got, want)
		}
	})
}
