package report

import (
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// How text reaches a GitHub-flavoured Markdown report. Every string from
// outside first goes through escape.Text (controls, bidi and other
// invisible characters made visible, newlines written \n), and then
// through one of these, because Markdown adds its own dangers: a `|` ends
// a table cell, `<` opens HTML, `&` an entity, `[` a link, `*` `_` `~`
// emphasis, `$` maths, `@name` a mention, `#12` an issue link, `:name:` an
// emoji, and "https:" an autolink.
//
// GitHub's autolinks: "https://", "http://" and "ftp://" are recognised at
// their ":" and "www." at its "w", in the source text, so an escaped ":"
// and an escaped "." after "www" stop them. An e-mail address (also after
// "mailto:" or "xmpp:") is recognised only after escapes are resolved and
// the text around them joined, so no backslash stops it: its "@" is
// written as a code span, which is not text, and still reads a@b.example.

// mdSpecial are the characters escaped with a backslash in prose; every
// ASCII punctuation character may be escaped so in CommonMark, and these
// are the ones Markdown or GitHub would read.
const mdSpecial = "\\`*_[]<>#!|~&:@$"

// mdText shows a string from outside as Markdown prose.
func mdText(raw string) string { return mdEscaped(escape.Text(raw)) }

// mdEscaped is mdText for text already passed through escape.Text.
func mdEscaped(shown string) string {
	var b strings.Builder
	for i := 0; i < len(shown); i++ {
		c := shown[i]
		if c == '@' && emailAt(shown, i) {
			b.WriteString("`@`")
			continue
		}
		if strings.IndexByte(mdSpecial, c) >= 0 || i == 0 && strings.IndexByte("-+=", c) >= 0 || c == '.' && wwwBefore(shown, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	s := b.String()
	// "1. x" or "1) x" at the start would become a numbered list.
	if n := leadingDigits(s); n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') {
		s = s[:n] + `\` + s[n:]
	}
	return s
}

// wwwBefore: the "." at i ends "www" (in any case).
func wwwBefore(s string, i int) bool {
	return i >= 3 && strings.EqualFold(s[i-3:i], "www")
}

// emailAt: the "@" at i has what GitHub takes for an address around it, a
// local part of letters, digits and ".+-_" before it and a domain with a
// dot after it (a little more than GitHub links, never less).
func emailAt(s string, i int) bool {
	if i == 0 || !isAlnum(s[i-1]) && strings.IndexByte(".+-_", s[i-1]) < 0 {
		return false
	}
	for j := i + 1; j < len(s) && (isAlnum(s[j]) || strings.IndexByte("-_.", s[j]) >= 0); j++ {
		if s[j] == '.' && j+1 < len(s) && isAlnum(s[j+1]) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// codeSpan wraps text already passed through escape.Text in a code span
// (Markdown is not read inside, so only the span's own delimiters need
// care) whose backtick fence is longer than any run of backticks inside,
// padded with spaces when the text starts or ends with a backtick or a
// space. In a table (inTable) a `|` would end the cell even in a code span
// and is escaped (GitHub removes the backslash).
func codeSpan(shown string, inTable bool) string {
	if shown == "" {
		return "*(empty)*"
	}
	if inTable {
		shown = strings.ReplaceAll(shown, "|", `\|`)
	}
	fence := strings.Repeat("`", longestRun(shown, '`')+1)
	if strings.ContainsAny(shown[:1], "` ") || strings.ContainsAny(shown[len(shown)-1:], "` ") {
		shown = " " + shown + " "
	}
	return fence + shown + fence
}

// mdFence shows a multi-line document (a ready-to-paste condition) as a
// fenced code block, each line indented by indent. escape.Document keeps
// its newlines and makes every other control visible; the fence is longer
// than any run of backticks inside.
func mdFence(doc, lang, indent string) string { return mdFenced(escape.Document(doc), lang, indent) }

// mdFenced is mdFence for a document already passed through
// escape.Document (or escape.Text).
func mdFenced(doc, lang, indent string) string {
	fence := strings.Repeat("`", max(3, longestRun(doc, '`')+1))
	var b strings.Builder
	b.WriteString(indent + fence + lang + "\n")
	for _, line := range strings.Split(doc, "\n") {
		b.WriteString(indent + line + "\n")
	}
	b.WriteString(indent + fence + "\n")
	return b.String()
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
