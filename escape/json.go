package escape

import (
	"unicode/utf8"
)

// JSON rewrites encoder output so that C1 controls, DEL, bidi and other
// format characters and invisible (default-ignorable) characters appear as
// \u escapes. encoding/json escapes C0 controls and U+2028/U+2029 but
// writes these raw, and a terminal showing `--json` output would obey
// them. Outside strings JSON is ASCII, so a rune-level pass over the whole
// document only ever touches string contents.
func JSON(doc []byte) []byte {
	i := firstUnsafe(doc)
	if i < 0 {
		return doc
	}
	out := make([]byte, 0, len(doc)+32)
	for i >= 0 {
		out = append(out, doc[:i]...)
		r, size := utf8.DecodeRune(doc[i:])
		out = appendJSONEscape(out, r)
		doc = doc[i+size:]
		i = firstUnsafe(doc)
	}
	return append(out, doc...)
}

// firstUnsafe is the offset of the first rune of doc that JSON escapes, or
// -1. The text between such runes is copied whole: a report of 100 KB has
// a handful of non-ASCII characters and usually nothing to escape, and a
// copy rune by rune cost more than encoding it.
func firstUnsafe(doc []byte) int {
	for i := 0; i < len(doc); {
		c := doc[i]
		if c < 0x7f {
			i++
			continue
		}
		if c == 0x7f {
			return i
		}
		// U+FFFD is left alone: it is printable, and the encoder's own
		// stand-in for bytes that were not UTF-8; a byte that is not
		// UTF-8 decodes as it and is left alone too.
		r, size := utf8.DecodeRune(doc[i:])
		if r != utf8.RuneError && Unsafe(r) {
			return i
		}
		i += size
	}
	return -1
}

// maxJSONEscape is the longest escape of one rune: a surrogate pair.
const maxJSONEscape = len(`\ud800\udc00`)

// appendJSONEscape appends r as \uXXXX (lower-case hex), or as a UTF-16
// surrogate pair of them above U+FFFF.
func appendJSONEscape(dst []byte, r rune) []byte {
	if r > 0xffff {
		r -= 0x10000
		return appendU4(appendU4(dst, 0xd800+(r>>10)), 0xdc00+(r&0x3ff))
	}
	return appendU4(dst, r)
}

func appendU4(dst []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(dst, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}
