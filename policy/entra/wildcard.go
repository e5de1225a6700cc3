package entra

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// matchWildcard reports whether value matches pattern as a whole under the
// flexible credential's `matches` operator: '*' matches any run of
// characters (none included, '/' and ':' included), '?' exactly one
// character, and every other character itself, case-sensitively. Whole-
// string matching, case sensitivity and '*' spanning '/' are assumptions:
// Entra does not document them (reference §3.2).
//
// It is a rune-based two-pointer scan that backtracks only to the last '*'
// seen: time O(len(pattern)·len(value)) at worst, no recursion, no
// allocation.
func matchWildcard(pattern, value string) bool {
	p, v := 0, 0
	star, starV := -1, 0 // just after the last '*', and where its run ends
	for v < len(value) {
		if p < len(pattern) {
			pr, ps := utf8.DecodeRuneInString(pattern[p:])
			_, vs := utf8.DecodeRuneInString(value[v:])
			switch {
			case pr == '*':
				p += ps
				star, starV = p, v
				continue
			case pr == '?':
				p, v = p+ps, v+vs
				continue
			case pattern[p:p+ps] == value[v:v+vs]: // same encoding: same rune, or the same invalid byte
				p, v = p+ps, v+vs
				continue
			}
		}
		if star < 0 {
			return false
		}
		// Let the last '*' swallow one more character and retry after it.
		_, vs := utf8.DecodeRuneInString(value[starV:])
		starV += vs
		p, v = star, starV
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// literalPrefix is the part of a pattern before its first wildcard.
func literalPrefix(pattern string) string {
	if i := strings.IndexAny(pattern, "*?"); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// hasWildcard reports whether s holds a character `matches` treats
// specially.
func hasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }

// wildcardRegexp translates a pattern to an anchored regular expression;
// star is what '*' becomes. It serves two checks of the assumptions above
// ('*' kept inside one path segment) and the fuzz test's reference.
func wildcardRegexp(pattern, star string) (*regexp.Regexp, error) {
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
