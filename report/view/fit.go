package view

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Fit lays lines out for a screen width columns wide, so a value is never
// cut where a person would copy or click it:
//   - the four lines of a "first difference" (policy.Align) whose values
//     are wider than the screen show both values as the same window around
//     the difference, with … where a value is cut, and the caret under the
//     differing character (counted in display columns, so wide characters
//     and escapes such as \u202e keep it in place);
//   - every other line wraps only at spaces, and continues at its indent
//     (none when the indent is over half the width). A word that is not
//     plain prose (a URL, an ARN, a path, a quoted string) is never cut:
//     wider than the screen, it stands on its own line and the terminal
//     scrolls or truncates it as one string.
//
// Lines are block text, escaped already; each may start with spaces and be
// styled as a whole (a palette's Render), which Fit keeps. A pane calls
// strings.Join(view.Fit(strings.Split(text, "\n"), width), "\n").
func Fit(lines []string, width int) []string {
	if width <= 0 {
		return lines
	}
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if d, ok := diffAt(lines[i:]); ok {
			out = append(out, d.fit(width)...)
			i += len(diffPrefixes) - 1
			continue
		}
		out = append(out, wrapLine(lines[i], width)...)
	}
	return out
}

// wrapLine breaks l at spaces into lines no wider than width where its
// words allow.
func wrapLine(l string, width int) []string {
	if ansi.StringWidth(l) <= width {
		return []string{l}
	}
	n := len(l) - len(strings.TrimLeft(l, " "))
	cont := strings.Repeat(" ", n)
	if n > width/2 {
		cont = ""
	}
	var out []string
	line, lineW, empty := l[:n], n, true
	for _, w := range words(l[n:]) {
		sepW, wordW := len(w.sep), ansi.StringWidth(w.text)
		switch {
		case empty || lineW+sepW+wordW <= width:
			if !empty {
				line += w.sep
				lineW += sepW
			}
		default:
			out = append(out, line)
			line, lineW = cont, len(cont)
		}
		if lineW+wordW > width && isProse(w.text) {
			// Prose has no value to keep whole: cut it as before.
			parts := strings.Split(ansi.Hardwrap(w.text, max(width-lineW, 1), false), "\n")
			for _, p := range parts[:len(parts)-1] {
				out = append(out, line+p)
				line, lineW = cont, len(cont)
			}
			w.text, wordW = parts[len(parts)-1], ansi.StringWidth(parts[len(parts)-1])
		}
		line += w.text
		lineW += wordW
		empty = false
	}
	return append(out, line)
}

// word is a run of l that Fit never breaks, and the spaces before it.
type word struct{ sep, text string }

// words splits s at spaces. A quoted string ("…", '…' or `…`, with
// backslash escapes) is one word even with spaces inside, up to its
// closing quote and whatever follows it up to the next space.
func words(s string) []word {
	var out []word
	for i := 0; i < len(s); {
		start := i
		for i < len(s) && s[i] == ' ' {
			i++
		}
		sep := s[start:i]
		if i == len(s) {
			if len(out) > 0 {
				out[len(out)-1].text += sep // trailing spaces stay where they were
			}
			break
		}
		end := quotedEnd(s, i)
		if end < 0 {
			end = i
		}
		for end < len(s) && s[end] != ' ' {
			end++
		}
		out = append(out, word{sep: sep, text: s[i:end]})
		i = end
	}
	return out
}

// quotedEnd is the index just past the closing quote of a quoted string
// starting at s[i] (after any styling), or -1 when there is none before a
// space ends the word anyway.
func quotedEnd(s string, i int) int {
	for i < len(s) && s[i] == 0x1b {
		i += csiLen(s[i:])
	}
	if i >= len(s) || !strings.ContainsRune("\"'`", rune(s[i])) {
		return -1
	}
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q != '`':
			j++
		case s[j] == q && (j+1 == len(s) || strings.ContainsRune(" ,;:.)]}\x1b", rune(s[j+1]))):
			return j + 1
		}
	}
	return -1
}

// isProse reports whether w (styling aside) is a word of letters, perhaps
// with sentence punctuation: the one kind of word Fit may cut.
func isProse(w string) bool {
	w = strings.TrimRight(strings.TrimLeft(ansi.Strip(w), "("), ".,;:!?)")
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return w != ""
}
