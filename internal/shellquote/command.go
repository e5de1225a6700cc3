package shellquote

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Errors Command wraps, so callers can say why no command is printed.
var (
	// ErrNotShown: a value holds a character that every view escapes
	// (a control or format character, a backslash, or a single quote,
	// which Quote writes with a backslash), so the command a person
	// copies from the screen would not be the command oidcscope built.
	ErrNotShown = errors.New("holds a control or format character, a backslash or a single quote, which the report would escape in a printed command")
	// ErrOption: a value that stands as a word of its own starts with
	// "-", so the tool would read it as an option rather than a value.
	ErrOption = errors.New("starts with \"-\", so the tool would read it as an option")
	// ErrBackquote: a value holds a backquote, which would end the `…`
	// every command is printed in, so where the command ends is unclear.
	ErrBackquote = errors.New("holds a backquote, which would end the `…` the command is printed in")
	// ErrFormat: the format's %s marks and the values differ in number.
	ErrFormat = errors.New("shellquote: the format's %s and the values differ in number")
)

// Command fills format, oidcscope's own text with a %s wherever a value
// goes (a whole word, or the end of one as in bound_issuer=%s), with the
// values quoted by Quote. Only %s is special. Callers print the result
// between backquotes. It fails, naming the value, when a value cannot be
// printed as part of such a command (ErrNotShown, ErrBackquote,
// ErrOption): callers then leave the command out.
func Command(format string, values ...string) (string, error) {
	parts := strings.Split(format, "%s")
	if len(parts) != len(values)+1 {
		return "", fmt.Errorf("%w: %q has %d, got %d values", ErrFormat, format, len(parts)-1, len(values))
	}
	var b strings.Builder
	b.WriteString(parts[0])
	for i, v := range values {
		q := Quote(v)
		if escape.Text(q) != q { // also a NUL, which no argument can hold
			return "", fmt.Errorf("the value %s %w", shorten(v), ErrNotShown)
		}
		if strings.IndexByte(v, '`') >= 0 {
			return "", fmt.Errorf("the value %s %w", shorten(v), ErrBackquote)
		}
		wholeWord := strings.HasSuffix(parts[i], " ") || i == 0 && parts[0] == ""
		if wholeWord && strings.HasPrefix(v, "-") {
			return "", fmt.Errorf("the value %s %w", shorten(v), ErrOption)
		}
		b.WriteString(q)
		b.WriteString(parts[i+1])
	}
	return b.String(), nil
}

// shorten keeps an error message about a huge value readable. The value
// stays raw: whoever shows the message escapes it, like every outside
// string.
func shorten(s string) string {
	cut := 80
	if len(s) <= cut {
		return s
	}
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}
