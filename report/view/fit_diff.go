package view

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// diffPrefixes open the four lines policy.Align writes; the last line is
// the caret under the first difference.
var diffPrefixes = [...]string{"first difference at character ", "  expected: ", "  token:    ", ""}

// valueColumn is where Align's values start: after "  expected: ".
const valueColumn = 12

// diff is one recognised alignment: its styling, the line naming the
// difference, and the two values cut into characters.
type diff struct {
	indent, open, close string
	title               string
	expected, token     []string
}

// diffAt recognises an alignment at the start of lines: the same indent
// and styling on all four, the two values, and a caret line.
func diffAt(lines []string) (diff, bool) {
	if len(lines) < len(diffPrefixes) || !strings.Contains(lines[0], diffPrefixes[0]) {
		return diff{}, false
	}
	var d diff
	var texts [len(diffPrefixes)]string
	first, _ := splitStyled(lines[0])
	for i, p := range diffPrefixes {
		if !strings.HasPrefix(lines[i], first.indent) {
			return diff{}, false
		}
		s, ok := splitStyledAt(lines[i], len(first.indent))
		if !ok || !strings.HasPrefix(s.text, p) || s.open != first.open || s.close != first.close {
			return diff{}, false
		}
		d.indent, d.open, d.close = s.indent, s.open, s.close
		texts[i] = s.text[len(p):]
	}
	if strings.TrimLeft(texts[3], " ") != "^" {
		return diff{}, false
	}
	d.title = diffPrefixes[0] + texts[0]
	d.expected, d.token = characters(texts[1]), characters(texts[2])
	return d, true
}

// fit lays the alignment out in width columns.
func (d diff) fit(width int) []string {
	at := firstDifference(d.expected, d.token)
	room := max(width-len(d.indent)-valueColumn, 8)
	start := windowStart(d.expected, d.token, at, room)
	lead, leadW := "", 0
	if start > 0 {
		lead, leadW = "…", 1
	}
	caret := valueColumn + leadW + columns(d.expected[start:at])
	out := Fit([]string{d.indent + d.open + d.title + d.close}, width)
	return append(out,
		d.line(diffPrefixes[1]+lead+window(d.expected[start:], room-leadW)),
		d.line(diffPrefixes[2]+lead+window(d.token[start:], room-leadW)),
		d.line(strings.Repeat(" ", caret)+"^"),
	)
}

func (d diff) line(text string) string { return d.indent + d.open + text + d.close }

// windowStart is the first character shown so that the difference at
// index at and some of what follows it fit in room columns.
func windowStart(expected, token []string, at, room int) int {
	after := max(columns(expected[at:]), columns(token[at:]))
	need := max(min(room/3, after), width(expected, at)+1, width(token, at)+1)
	if columns(expected[:at])+need <= room {
		return 0
	}
	start, used := at, 1 // the leading …
	for start > 0 && used+width(expected, start-1)+need <= room {
		start--
		used += width(expected, start)
	}
	return start
}

// window is chars in room columns, with … when they do not all fit.
func window(chars []string, room int) string {
	if columns(chars) <= room {
		return strings.Join(chars, "")
	}
	var b strings.Builder
	used := 0
	for _, c := range chars {
		w := ansi.StringWidth(c)
		if used+w > room-1 {
			break
		}
		b.WriteString(c)
		used += w
	}
	return b.String() + "…"
}

// firstDifference is the index of the first character that differs, moved
// back onto the character a combining mark belongs to.
func firstDifference(a, b []string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && width(a, i) == 0 && width(b, i) == 0 {
		i--
	}
	return i
}

// characters cuts an escaped value into what reads as one character: a
// rune, or one of escape.Text's escapes (\\, \t, \x1b, \u202e, \U000e0041).
func characters(s string) []string {
	var out []string
	for len(s) > 0 {
		n := escapeLen(s)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// escapeLen is the length of the escape s starts with, or 0.
func escapeLen(s string) int {
	if len(s) < 2 || s[0] != '\\' {
		return 0
	}
	n := 2
	switch s[1] {
	case 'x':
		n = 4
	case 'u':
		n = 6
	case 'U':
		n = 10
	}
	if n > 2 && (n > len(s) || !isHex(s[2:n])) {
		return 2
	}
	return n
}

func isHex(s string) bool {
	_, err := strconv.ParseUint(s, 16, 64)
	return err == nil
}

// width is the display width of chars[i], 0 past the end.
func width(chars []string, i int) int {
	if i >= len(chars) {
		return 0
	}
	return ansi.StringWidth(chars[i])
}

func columns(chars []string) int {
	n := 0
	for i := range chars {
		n += width(chars, i)
	}
	return n
}
