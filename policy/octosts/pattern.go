package octosts

import (
	"regexp"
	"slices"
	"strings"
)

// compilePattern compiles a *_pattern the way the selected octo-sts
// version does. The error is regexp's, unwrapped.
func compilePattern(p string, mode Anchoring) (*regexp.Regexp, error) {
	if mode == AnchorGrouped {
		if _, err := regexp.Compile(p); err != nil {
			return nil, err
		}
	}
	return regexp.Compile(anchored(p, mode))
}

// anchored is the expression octo-sts matches values with.
func anchored(p string, mode Anchoring) string {
	if mode == AnchorGrouped {
		return "^(?:" + p + ")$"
	}
	return "^" + p + "$"
}

// wholeMatch compiles what the author of a pattern almost always means:
// the whole value in the pattern's language. nil when p does not compile
// on its own.
func wholeMatch(p string) *regexp.Regexp {
	if _, err := regexp.Compile(p); err != nil {
		return nil
	}
	re, err := regexp.Compile("^(?:" + p + ")$")
	if err != nil {
		return nil
	}
	return re
}

// shape is what a scan of a pattern's top level finds.
type shape struct {
	bars      []int // byte offsets of "|" outside every group and class
	multiline bool  // (?m) in force at the end of the top level: "$" then means end of line
}

// topLevel scans a pattern with RE2's lexical rules (escapes, \Q…\E,
// classes with a leading "]" and [:name:], groups and flag groups) and
// reports its top-level alternation and flags. The scan only needs to
// agree with regexp/syntax on patterns that compile; FuzzTopLevel checks
// that a pattern it finds no "|" and no (?m) in anchors the same with and
// without the group.
func topLevel(p string) shape {
	var s shape
	depth := 0
	scanPattern(p, func(i int) int {
		switch p[i] {
		case '(':
			if !strings.HasPrefix(p[i:], "(?") {
				depth++
				return i
			}
			j, set, clear, closed := flags(p, i+2)
			if !closed {
				depth++ // (?flags:…), (?P<name>…), (?<name>…)
				return i
			}
			if depth == 0 {
				if strings.ContainsRune(set, 'm') {
					s.multiline = true
				}
				if strings.ContainsRune(clear, 'm') {
					s.multiline = false
				}
			}
			return j
		case ')':
			if depth > 0 {
				depth--
			}
		case '|':
			if depth == 0 {
				s.bars = append(s.bars, i)
			}
		}
		return i
	})
	return s
}

// scanPattern walks p with RE2's lexical rules, calling visit with the
// index of each byte outside escapes, \Q…\E literals and classes; visit
// returns the index of the last byte it took (i itself, or the ")" of a
// flag group). It reports false for a \Q never closed, where the rest of
// p is literal and the walk stops.
func scanPattern(p string, visit func(i int) int) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			var ok bool
			if i, ok = escapeEnd(p, i); !ok {
				return false
			}
		case '[':
			i = classEnd(p, i)
		default:
			i = visit(i)
		}
	}
	return true
}

// flags reads "imsU-" flags from p[i:]; closed reports a flag-only group
// "(?flags)", whose ")" is at the returned index.
func flags(p string, i int) (end int, set, clear string, closed bool) {
	neg := false
	for j := i; j < len(p); j++ {
		switch c := p[j]; c {
		case ')':
			return j, set, clear, true
		case '-':
			neg = true
		case 'i', 'm', 's', 'U':
			if neg {
				clear += string(c)
			} else {
				set += string(c)
			}
		default:
			return j, set, clear, false
		}
	}
	return len(p), set, clear, false
}

// escapeEnd returns the index of the last byte of the escape starting at
// the backslash p[i]: one escaped character, or a whole \Q…\E literal. ok
// is false for a \Q never closed, where the rest of p is literal.
func escapeEnd(p string, i int) (end int, ok bool) {
	if !strings.HasPrefix(p[i:], `\Q`) {
		return i + 1, true
	}
	e := strings.Index(p[i+2:], `\E`)
	if e < 0 {
		return len(p), false
	}
	return i + 2 + e + 1, true
}

// classEnd returns the index of the "]" closing the class opened at
// p[i] (or the last index when it never closes).
func classEnd(p string, i int) int {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++ // a "]" first in the class is literal
	}
	for ; j < len(p); j++ {
		switch {
		case p[j] == '\\':
			j++
		case strings.HasPrefix(p[j:], "[:"):
			if end := strings.Index(p[j+2:], ":]"); end >= 0 {
				j += 2 + end + 1
			}
		case p[j] == ']':
			return j
		}
	}
	return len(p) - 1
}

// alternatives splits a pattern at its top-level bars.
func alternatives(p string, bars []int) []string {
	var out []string
	start := 0
	for _, b := range bars {
		out = append(out, p[start:b])
		start = b + 1
	}
	return append(out, p[start:])
}

// unescapedDots returns the words (once each) around each "." that sits between two
// letters or digits outside a class and is not repeated, e.g. "release.yml"
// or "example.com": places where a literal dot was almost certainly meant.
func unescapedDots(p string) []string {
	var out []string
	scanPattern(p, func(i int) int {
		if p[i] != '.' || i == 0 || i+1 >= len(p) || !isWordByte(p[i-1]) || !isWordByte(p[i+1]) {
			return i
		}
		if i >= 2 && p[i-2] == '\\' {
			return i // \d.\d and the like: the left side is an escape
		}
		if w := word(p, i); !slices.Contains(out, w) {
			out = append(out, w)
		}
		return i
	})
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// word is the run of word bytes, dots and dashes around p[i].
func word(p string, i int) string {
	isPart := func(c byte) bool { return isWordByte(c) || c == '.' || c == '-' || c == '_' }
	a, b := i, i+1
	for a > 0 && isPart(p[a-1]) && (a < 2 || p[a-2] != '\\') {
		a--
	}
	for b < len(p) && isPart(p[b]) {
		b++
	}
	return p[a:b]
}

// globStar finds a "*" used like a shell glob: right after ":", "/", "@"
// or "-", where RE2 repeats that one character instead of matching any run.
func globStar(p string) string {
	for i := 1; i < len(p); i++ {
		if p[i] != '*' {
			continue
		}
		if i >= 2 && p[i-2] == '\\' {
			continue
		}
		switch p[i-1] {
		case ':', '/', '@', '-':
			return p[i-1 : i+1]
		}
	}
	return ""
}
