package providererrors

import (
	"strings"
	"unicode/utf8"
)

// line is one line of pasted text after the log's own decoration is
// taken off, with where it came from.
type line struct {
	text      string
	no        int  // 1-based, in the pasted text
	width     int  // characters of the raw line, colours taken off
	spaced    bool // the raw line starts with white space
	spacedEnd bool // and ends with it
}

// Normalize takes off what logs, terminals and mail add around a message
// and returns the lines that are left: ANSI escape sequences, a leading
// ISO timestamp (GitHub's raw logs), "##[error]"-style and "::error::"
// prefixes, "> " quoting, and "%0A", which GitHub's annotations use for a
// line break. Lines that are empty afterwards are dropped.
func Normalize(text string) []string {
	var out []string
	for _, l := range normalizedLines(text) {
		out = append(out, l.text)
	}
	return out
}

func normalizedLines(text string) []line {
	var out []line
	// "\r\n", "\n" and a lone "\r" (a terminal's paste, old Mac files)
	// each end a line.
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	for i, raw := range strings.Split(text, "\n") {
		raw = stripANSI(raw)
		width := utf8.RuneCountInString(raw) // as the terminal showed it, before unquoting
		raw = jsonUnquote(raw)
		for _, part := range strings.Split(strings.ReplaceAll(raw, "%0D", ""), "%0A") {
			t := stripPrefixes(part)
			if t != "" {
				out = append(out, line{text: t, no: i + 1, width: width,
					spaced: strings.TrimLeft(part, " \t") != part, spacedEnd: strings.TrimRight(part, " \t") != part})
			}
		}
	}
	return out
}

// stripPrefixes takes off, in any order and repeatedly, what stands before
// a log line's text.
func stripPrefixes(s string) string {
	for {
		t := strings.TrimSpace(s)
		t = strings.TrimLeft(t, "\ufeff")
		switch {
		case timestampPrefix().MatchString(t):
			t = timestampPrefix().ReplaceAllString(t, "")
		case strings.HasPrefix(t, ">"):
			t = strings.TrimPrefix(t, ">")
		case logCommandPrefix().MatchString(t):
			t = logCommandPrefix().ReplaceAllString(t, "")
		case strings.HasPrefix(t, "Error: "):
			t = strings.TrimPrefix(t, "Error: ")
		}
		t = strings.TrimSpace(t)
		if t == s {
			return t
		}
		s = t
	}
}

// stripANSI removes CSI and OSC escape sequences, which coloured logs and
// copied terminal output carry.
func stripANSI(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return s
	}
	// A lone ESC left over from a sequence cut short goes too.
	return strings.ReplaceAll(ansiSequence().ReplaceAllString(s, ""), "\x1b", "")
}

// minWrapWidth is the narrowest terminal whose hard wrapping is
// recognised; shorter lines are never taken for cut ones.
const minWrapWidth = 40

// A message reaches oidcscope wrapped in one of two ways. Mail clients,
// word wrapping and log lines break at a space: joining the lines with
// "\n" keeps every word whole (the patterns match any white space
// between words, and a value never spans lines). A terminal cuts a line
// anywhere at its width: a line as wide as the widest of the paste (and
// at least minWrapWidth) was cut, and its text goes on in the next line
// with nothing between (a space when the cut fell on one).
// Find reads both joins and prefers the second where both match.

// joinLines joins the lines with "\n" and returns where each starts.
func joinLines(lines []line) (string, []int) { return join(lines, false) }

// joinCut is joinLines, except that a cut line runs on into the next.
func joinCut(lines []line) (string, []int) { return join(lines, true) }

func join(lines []line, cuts bool) (string, []int) {
	widest := 0
	for _, l := range lines {
		widest = max(widest, l.width)
	}
	var b strings.Builder
	starts := make([]int, len(lines))
	for i, l := range lines {
		if i > 0 {
			switch {
			case !cuts || widest < minWrapWidth || lines[i-1].width != widest:
				b.WriteByte('\n')
			case l.spaced || lines[i-1].spacedEnd:
				b.WriteByte(' ')
			}
		}
		starts[i] = b.Len()
		b.WriteString(l.text)
	}
	return b.String(), starts
}

// jsonUnquote undoes the two escapes a message picks up when an action
// prints a JSON error body: \" and \\. Other escapes are left as they are.
func jsonUnquote(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\\`, `\`, `\"`, `"`).Replace(s)
}
