package gcp

import "strings"

// splitAnd splits a CEL expression at its top-level && operators, as
// written: string literals (quoted, triple-quoted, raw), comments and
// brackets are skipped over, and a term wrapped whole in parentheses is
// unwrapped and split again. The result is only a candidate: the caller
// checks it against the parsed expression (a || b && c has an && outside
// brackets that is not top-level).
func splitAnd(src string) []string {
	var out []string
	for _, part := range splitTop(src) {
		part = strings.TrimSpace(part)
		if inner, ok := unwrapParens(part); ok {
			if sub := splitAnd(inner); len(sub) > 1 {
				out = append(out, sub...)
				continue
			}
		}
		out = append(out, part)
	}
	return out
}

// splitTop splits at && outside literals, comments and brackets.
func splitTop(src string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(src); {
		if n := skipLiteral(src, i); n > i {
			i = n
			continue
		}
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == '&' && depth == 0 && i+1 < len(src) && src[i+1] == '&':
			out = append(out, src[start:i])
			i += 2
			start = i
			continue
		}
		i++
	}
	return append(out, src[start:])
}

// skipLiteral returns the index after a string or bytes literal starting
// at i (with an optional r/b prefix), or i when none starts there.
func skipLiteral(src string, i int) int {
	j, raw := i, false
	for j < len(src) && j-i < 2 && strings.IndexByte("rRbB", src[j]) >= 0 {
		raw = raw || src[j] == 'r' || src[j] == 'R'
		j++
	}
	if j >= len(src) || (src[j] != '\'' && src[j] != '"') {
		return i
	}
	if j > i && i > 0 && isIdentByte(src[i-1]) {
		return i // the prefix letters end an identifier, e.g. `bar'`
	}
	q := src[j : j+1]
	if strings.HasPrefix(src[j:], q+q+q) {
		q = q + q + q
	}
	k := j + len(q)
	for k < len(src) {
		if !raw && src[k] == '\\' {
			k += 2
			continue
		}
		if strings.HasPrefix(src[k:], q) {
			return k + len(q)
		}
		if len(q) == 1 && src[k] == '\n' {
			return k // unterminated; the parser reports it
		}
		k++
	}
	return len(src)
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// unwrapParens strips one pair of parentheses that encloses all of s.
func unwrapParens(s string) (string, bool) {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return "", false
	}
	depth := 0
	for i := 0; i < len(s); {
		if n := skipLiteral(s, i); n > i {
			i = n
			continue
		}
		switch s[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 && i != len(s)-1 {
				return "", false
			}
		}
		i++
	}
	return s[1 : len(s)-1], depth == 0
}
