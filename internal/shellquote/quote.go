// Package shellquote writes the commands oidcscope prints for a person to
// copy into a POSIX shell (sh, bash, zsh) with the values from outside (a
// token's iss, aud, …) quoted, so that a hostile value is one argument of
// the command and never code: $(…), `…`, ; and globs stay literal.
package shellquote

import "strings"

// plain reports a byte a POSIX shell reads literally outside quotes in any
// position of an argument.
func plain(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("@%+=:,./_-", c) >= 0
}

// Quote returns s as exactly one shell word: s itself when every byte is
// plain ([A-Za-z0-9@%+=:,./_-]), else s in single quotes, inside which the
// shell expands nothing. A single quote inside is closed, written as an
// escaped quote and reopened; the empty string is a pair of quotes:
//
//	it's  →  'it'\''s'
//	""    →  ''
//
// A shell argument cannot hold a NUL byte, so neither can the word's
// value; Command refuses one.
func Quote(s string) string {
	if s == "" {
		return "''"
	}
	isPlain := true
	for i := 0; i < len(s); i++ {
		if !plain(s[i]) {
			isPlain = false
			break
		}
	}
	if isPlain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
