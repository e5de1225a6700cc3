// Package escape is the one function every view uses to put a string from
// outside (a claim, a header, a key set, a policy file) in front of a person.
// It makes invisible and terminal-controlling characters visible, so a token
// can neither drive the terminal (ESC, OSC 52, OSC 8) nor hide or reorder
// text (bidi overrides, zero-width characters).
package escape

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text returns s with every character that is not safe to show written as a
// Go-style escape: \t \n \r, \xNN for other ASCII controls and bytes that
// are not UTF-8, \uNNNN (or \UNNNNNNNN) for C1 controls, bidi and other format
// characters, other default-ignorable characters and line/paragraph
// separators. A backslash is doubled so the rendering is reversible: no
// output can be mistaken for an escape.
func Text(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unsafe(r) && r > 0xffff:
			fmt.Fprintf(&b, `\U%08x`, r)
		case Unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Unsafe reports whether r must not reach a terminal as itself: controls
// (C0, DEL, C1), format characters (bidi embeddings, overrides and isolates,
// zero-width joiners and spaces, the BOM, tag characters), every other
// default-ignorable character (Hangul fillers, variation selectors: drawn
// as nothing) and the Unicode line and paragraph separators.
func Unsafe(r rune) bool {
	switch {
	case r < 0x7f:
		return r < 0x20
	case r <= 0x9f: // DEL and the C1 controls
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(defaultIgnorable, r) ||
		r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// Plain reports whether Text changes nothing in s but its backslashes:
// s is UTF-8 and holds no control, format, invisible or separator
// character. Such a string is safe to hand on as it is (to a clipboard,
// say); any other only in the escaped form.
func Plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return plainRunes(s[i:])
		}
	}
	return true
}

func plainRunes(s string) bool {
	for _, r := range s {
		// Bad UTF-8 decodes as RuneError, which Unsafe includes.
		if Unsafe(r) {
			return false
		}
	}
	return true
}

// clean is the fast path: most claims are plain printable ASCII.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '\\' {
			return false
		}
	}
	return true
}

// Document prepares a multi-line document we generated (a suggested
// policy) for the terminal. Newlines and tabs stay so it can be pasted, and
// backslashes stay because the document's own syntax uses them; any other
// control, format, invisible or separator character (which could only come
// from a hostile claim) is made visible as a \u escape, which JSON and YAML
// strings read back as the same character.
func Document(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || Unsafe(r) && r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		case Unsafe(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
