package aws

import "unicode/utf8"

// Like reports whether s matches an IAM StringLike pattern: `*` matches any
// run of characters (empty included, `/` and `:` included), `?` exactly one
// character, everything else itself, case-sensitively, over the whole
// string. There is no escape character and no character class: `[`, `]`,
// `\`, `.` and `+` are ordinary characters.
//
// Characters are runes, so `?` matches "é" or "日" as one character; a byte
// that is not valid UTF-8 counts as one character of its own.
//
// The algorithm is the classic two-pointer wildcard match: on a mismatch it
// returns to the most recent `*` and lets it swallow one more character.
// Only the last star is ever revisited, so the cost is at most
// O(len(pattern) × len(s)) and never exponential, whatever the input.
func Like(pattern, s string) bool {
	p, i := 0, 0
	starP, starI := -1, 0 // position after the last '*', and where it resumed in s
	for i < len(s) {
		if p < len(pattern) {
			switch pattern[p] {
			case '*':
				p++
				starP, starI = p, i
				continue
			case '?':
				_, n := utf8.DecodeRuneInString(s[i:])
				p++
				i += n
				continue
			default:
				_, pn := utf8.DecodeRuneInString(pattern[p:])
				_, sn := utf8.DecodeRuneInString(s[i:])
				if pn == sn && pattern[p:p+pn] == s[i:i+sn] {
					p += pn
					i += sn
					continue
				}
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
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// literalPrefix is the part of a StringLike pattern before its first
// wildcard, for policy.PatternMismatch.
func literalPrefix(pattern string) string {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '*' || pattern[i] == '?' {
			return pattern[:i]
		}
	}
	return pattern
}

// hasWildcard reports whether a value would mean something else to
// StringLike than to StringEquals.
func hasWildcard(s string) bool { return literalPrefix(s) != s }
