package policy

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// The cases come from both users of MatchWildcard: AWS StringLike (as
// documented) and Entra's matches (as assumed, reference §3.2).
func TestMatchWildcard(t *testing.T) {
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
		{"repo:octo-org/octo-repo:ref:refs/heads/*", "repo:octo-org/octo-repo:ref:refs/heads/feature/x", true, "* spans '/' inside a branch name"},
		{"repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org/octo-repo:ref:refs/heads/main-2", false, "whole-string: a literal prefix is not enough"},
		{"repo:Octo-Org/octo-repo:*", "repo:octo-org/octo-repo:pull_request", false, "case-sensitive"},
		{"a?c", "abc", true, "? is one character"},
		{"a?c", "ac", false, "? is exactly one, not zero"},
		{"a?c", "abbc", false, "? is exactly one, not two"},
		{"a?c", "a€c", true, "? is one rune, not one byte"},
		{"??", "é", false, "two ? need two runes"},
		{"a*b*c", "aXXbYYc", true, "several stars"},
		{"a*b*c", "aXXbYY", false, "several stars, missing tail"},
		{"*a", "aaaa", true, "star backtracks"},
		{"a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaa", false, "pathological pattern stays linear-ish and false"},
		{"**", "x", true, "consecutive stars"},
		{"x**", "x", true, "trailing stars match empty"},
		{"[a]", "[a]", true, "brackets are literal (no character classes)"},
		{`\*`, `\x`, true, "backslash is literal, it does not escape *"},
		{`\*`, `*`, false, "backslash is literal, so the pattern needs two characters"},
		{"octo-org/octo-automation/.github/workflows/*@refs/heads/main", "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", true, "reference example for job_workflow_ref"},
		{"octo-org/octo-automation/.github/workflows/*@refs/heads/main", "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/dev", false, "reference example, other ref"},
		{"?", "\xff", true, "a byte that is not UTF-8 is one character"},
		{"\xff", "\xff", true, "an invalid byte matches itself"},
		{"\xff", "\xfe", false, "an invalid byte matches only itself"},
		{"a?", "a\xe6\x97", false, "a truncated character is two invalid bytes, two characters"},
	}
	for _, tt := range tests {
		if got := MatchWildcard(tt.pattern, tt.s); got != tt.want {
			t.Errorf("MatchWildcard(%q, %q) = %v, want %v: %s", tt.pattern, tt.s, got, tt.want, tt.why)
		}
		if got := matchSlow(tt.pattern, tt.s); got != tt.want { // the fuzz target's reference agrees
			t.Errorf("matchSlow(%q, %q) = %v, want %v: %s", tt.pattern, tt.s, got, tt.want, tt.why)
		}
	}
}

func TestMatchWildcardIsNotExponential(t *testing.T) {
	pattern := strings.Repeat("*a", 200) + "b"
	s := strings.Repeat("a", 5000)
	start := time.Now()
	if MatchWildcard(pattern, s) {
		t.Fatal("pattern ending in b must not match a string of a's")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("MatchWildcard took %v on a pathological input; the two-pointer match should be quadratic at worst", d)
	}
}

func TestWildcardPrefix(t *testing.T) {
	for pattern, want := range map[string]string{"repo:o/r:*": "repo:o/r:", "a?b*": "a", "plain": "plain", "*x": "", "": ""} {
		if got := WildcardPrefix(pattern); got != want {
			t.Errorf("WildcardPrefix(%q) = %q, want %q", pattern, got, want)
		}
		if got, want := HasWildcard(pattern), WildcardPrefix(pattern) != pattern; got != want {
			t.Errorf("HasWildcard(%q) = %v, want %v", pattern, got, want)
		}
	}
}

// A star that must stay inside one path segment is the variant Entra's
// evaluator checks its assumption against.
func TestWildcardRegexpInSegment(t *testing.T) {
	re, err := WildcardRegexp("repo:o/r:ref:refs/heads/*", `[^/]*`)
	if err != nil {
		t.Fatal(err)
	}
	if !re.MatchString("repo:o/r:ref:refs/heads/main") || re.MatchString("repo:o/r:ref:refs/heads/feature/x") {
		t.Errorf("%s: '*' should match within one segment only", re)
	}
	if !MatchWildcard("repo:o/r:ref:refs/heads/*", "repo:o/r:ref:refs/heads/feature/x") {
		t.Error("MatchWildcard's '*' spans '/'")
	}
}

// FuzzMatchWildcard checks the hand-written matcher against two slow
// references: matchSlow, a memoized recursion over characters written from
// the documented rules alone (it covers invalid UTF-8 too), and, for valid
// UTF-8, the pattern translated to an anchored regular expression by
// WildcardRegexp, which Entra's evaluator uses.
func FuzzMatchWildcard(f *testing.F) {
	seeds := [][2]string{
		{"", ""}, {"*", ""}, {"?", "é"}, {"?", "日"}, {"**", "x"}, {"a*b?c", "axxbyc"},
		{"[a-z]", "b"}, {`\*`, `\x`}, {".+", "aa"}, {"repo:o/*:*", "repo:o/r:ref:refs/heads/main"},
		{"*?*", "日本"}, {"a\nb*", "a\nbc"}, {"*", "\n"},
		{"repo:octo-org/octo-repo:*", "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{"a?c*", "abcdef"}, {"*a*b", "xaxb"}, {"a*a*a*b", "aaaaaaaaab"}, {"[*]", "[x]"}, {"\xff", "\xff"}, {"?", "\xff"},
		{"?", "\xe6\x97"}, {"*\xe6*", "a\xe6\x97\xa5"}, {"\ufffd", "\xff"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	for _, s := range fixtureWildcardSeeds(f) {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if len(pattern) > 256 || len(s) > 1024 {
			return
		}
		got := MatchWildcard(pattern, s) // must not panic on anything
		if want := matchSlow(pattern, s); got != want {
			t.Fatalf("MatchWildcard(%q, %q) = %v, the recursive reference says %v", pattern, s, got, want)
		}
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) {
			return // the reference regexp cannot express invalid UTF-8
		}
		re, err := WildcardRegexp(pattern, `.*`)
		if err != nil {
			t.Fatalf("reference regexp for %q does not compile: %v", pattern, err)
		}
		if want := re.MatchString(s); got != want {
			t.Errorf("MatchWildcard(%q, %q) = %v, reference regexp %s says %v", pattern, s, got, re, want)
		}
	})
}

// matchSlow is the documented rule, spelled out: split both strings into
// characters (a rune, or one byte that is not UTF-8), then `*` matches any
// run of characters, `?` exactly one, and any other character only the
// same character, byte for byte. Memoized, so it is quadratic, not
// exponential, in the number of stars.
func matchSlow(pattern, s string) bool {
	p, c := chars(pattern), chars(s)
	memo := make(map[[2]int]bool)
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if v, ok := memo[[2]int{i, j}]; ok {
			return v
		}
		var v bool
		switch {
		case i == len(p):
			v = j == len(c)
		case p[i] == "*":
			v = match(i+1, j) || j < len(c) && match(i, j+1)
		case j == len(c):
			v = false
		default:
			v = (p[i] == "?" || p[i] == c[j]) && match(i+1, j+1)
		}
		memo[[2]int{i, j}] = v
		return v
	}
	return match(0, 0)
}

// chars splits s into characters as MatchWildcard counts them.
func chars(s string) []string {
	var out []string
	for len(s) > 0 {
		_, n := utf8.DecodeRuneInString(s)
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// fixtureWildcardSeeds pairs every wildcard pattern in the sample AWS
// policies with the sub of every fixture claim set (matches and near
// misses from real policies), plus the hostile JSONTestSuite strings with
// bytes that are not UTF-8.
func fixtureWildcardSeeds(tb testing.TB) [][2]string {
	tb.Helper()
	var patterns, subs []string
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case string:
			if HasWildcard(v) {
				patterns = append(patterns, v)
			}
		case []any:
			for _, x := range v {
				collect(x)
			}
		case map[string]any:
			for _, x := range v {
				collect(x)
			}
		}
	}
	for _, b := range testseeds.Files(tb, "fixtures/policies/aws/*.json") {
		var doc any
		if json.Unmarshal(b, &doc) == nil {
			collect(doc)
		}
	}
	for _, b := range testseeds.ClaimSets(tb) {
		var c struct{ Sub string }
		if json.Unmarshal(b, &c) == nil && c.Sub != "" {
			subs = append(subs, c.Sub)
		}
	}
	slices.Sort(patterns)
	patterns = slices.Compact(patterns)
	var out [][2]string
	for _, p := range patterns {
		for _, s := range subs {
			out = append(out, [2]string{p, s})
		}
	}
	for _, b := range testseeds.Files(tb, testseeds.JSONTestSuiteDir+"/*invalid*utf*.json") {
		out = append(out, [2]string{"*?*", string(b)}, [2]string{string(b), string(b)})
	}
	return out
}

// TestMatchWildcardAtLiteralWildcards: a '*' or '?' at an offset wild
// refuses is an ordinary character, as AWS's ${*} and ${?} are; nil is
// MatchWildcard.
func TestMatchWildcardAtLiteralWildcards(t *testing.T) {
	onlyAt := func(offsets ...int) func(int) bool {
		return func(i int) bool { return slices.Contains(offsets, i) }
	}
	tests := []struct {
		pattern, s string
		wild       func(int) bool
		want       bool
	}{
		{"a*b", "a*b", onlyAt(), true},
		{"a*b", "axxb", onlyAt(), false},
		{"a*b*", "a*bcd", onlyAt(3), true},
		{"a*b*", "axbcd", onlyAt(3), false},
		{"?x", "?x", onlyAt(), true},
		{"?x", "yx", onlyAt(), false},
		{"ab*", "ab", onlyAt(), false}, // a trailing literal '*' is not swallowed
		{"a*b", "axxb", nil, true},
	}
	for _, tt := range tests {
		if got := MatchWildcardAt(tt.pattern, tt.s, tt.wild); got != tt.want {
			t.Errorf("MatchWildcardAt(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}
