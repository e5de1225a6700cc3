package view

import "strings"

// styled is a line as a pane writes it: an indent, the styling opened
// before the text (a palette's Render), the text and the styling closed
// after it.
type styled struct{ indent, open, text, close string }

// splitStyled splits l; ok is false when styling changes inside the text,
// which then cannot be laid out again piece by piece.
func splitStyled(l string) (styled, bool) {
	return splitStyledAt(l, len(l)-len(strings.TrimLeft(l, " ")))
}

// splitStyledAt is splitStyled with an indent of n columns: spaces after
// it belong to the text.
func splitStyledAt(l string, n int) (styled, bool) {
	s := styled{indent: l[:n]}
	rest := l[n:]
	i := 0
	for i < len(rest) && rest[i] == 0x1b {
		i += csiLen(rest[i:])
	}
	s.open, rest = rest[:i], rest[i:]
	j := len(rest)
	for {
		k := strings.LastIndexByte(rest[:j], 0x1b)
		if k < 0 || k+csiLen(rest[k:]) != j {
			break
		}
		j = k
	}
	s.text, s.close = rest[:j], rest[j:]
	return s, !strings.Contains(s.text, "\x1b")
}

// csiLen is the length of the control sequence (ESC [ … final byte) s
// starts with, or 1 for a lone ESC.
func csiLen(s string) int {
	if len(s) < 2 || s[1] != '[' {
		return 1
	}
	for i := 2; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	}
	return len(s)
}
