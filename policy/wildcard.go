package policy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// MatchWildcard reports whether s matches pattern as a whole under the
// `*`/`?` wildcards that AWS documents for IAM StringLike and that Entra's
// flexible-credential `matches` operator is assumed to share (Entra does
// not document them; policy/entra says which assumptions it checks): `*`
// matches any run of characters (none included, `/` and `:` included), `?`
// exactly one character, and every other character itself,
// case-sensitively. There is no escape character and no character class:
// `[`, `]`, `\`, `.` and `+` are ordinary characters. Vault's globs (no
// `?`) and octo-sts's regular expressions follow other rules and have
// their own matchers.
//
// Characters are runes, so `?` matches "é" or "日" as one character; a
// byte that is not valid UTF-8 counts as one character of its own.
//
// The algorithm is the classic two-pointer wildcard match: on a mismatch it
// returns to the most recent `*` and lets it swallow one more character.
// Only the last star is ever revisited, so the cost is at most
// O(len(pattern) × len(s)) and never exponential, whatever the input; it
// neither recurses nor allocates.
func MatchWildcard(pattern, s string) bool { return MatchWildcardAt(pattern, s, nil) }

// MatchWildcardAt is MatchWildcard where a '*' or '?' is a wildcard only
// at the byte offsets of pattern for which wild reports true (all of them
// when wild is nil), and elsewhere an ordinary character: a dialect that
// escapes wildcards (AWS writes a literal * as ${*}) unescapes its pattern
// and says which offsets stayed wildcards, and shares this one matcher.
func MatchWildcardAt(pattern, s string, wild func(offset int) bool) bool {
	isWild := func(p int) bool { return wild == nil || wild(p) }
	p, i := 0, 0
	starP, starI := -1, 0 // position after the last '*', and where it resumed in s
	for i < len(s) {
		if p < len(pattern) {
			pr, pn := utf8.DecodeRuneInString(pattern[p:])
			_, sn := utf8.DecodeRuneInString(s[i:])
			switch {
			case pr == '*' && isWild(p):
				p += pn
				starP, starI = p, i
				continue
			case pr == '?' && isWild(p):
				p, i = p+pn, i+sn
				continue
			case pattern[p:p+pn] == s[i:i+sn]: // same encoding: the same rune, or the same invalid byte
				p, i = p+pn, i+sn
				continue
			}
		}
		if starP < 0 {
			return false
		}
		// Backtrack: the last star takes one more character of s.
		_, n := utf8.DecodeRuneInString(s[starI:])
		starI += n
		p, i = starP, starI
	}
	for p < len(pattern) && pattern[p] == '*' && isWild(p) {
		p++
	}
	return p == len(pattern)
}

// WildcardPrefix is the part of a MatchWildcard pattern before its first
// wildcard: what every match starts with, for PatternMismatch.
func WildcardPrefix(pattern string) string {
	if i := strings.IndexAny(pattern, "*?"); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// HasWildcard reports whether s holds a character MatchWildcard treats
// specially, i.e. whether it means something else as a pattern than as a
// literal.
func HasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }

// WildcardRegexp translates a MatchWildcard pattern to an anchored regular
// expression over runes, with star as what `*` becomes: `.*` gives the
// same language as MatchWildcard (the tests' slow reference), `[^/]*` a
// variant whose `*` stays inside one path segment, for checking what an
// undocumented matcher would do if it differed there.
func WildcardRegexp(pattern, star string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(star)
		case '?':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	return regexp.Compile(b.String())
}
