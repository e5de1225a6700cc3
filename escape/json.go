package escape

import (
	"bytes"
	"fmt"
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
	var b bytes.Buffer
	b.Grow(len(doc) + 32)
	for i >= 0 {
		b.Write(doc[:i])
		r, size := utf8.DecodeRune(doc[i:])
		writeJSONEscape(&b, r)
		doc = doc[i+size:]
		i = firstUnsafe(doc)
	}
	b.Write(doc)
	return b.Bytes()
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

func writeJSONEscape(b *bytes.Buffer, r rune) {
	if r > 0xffff {
		r -= 0x10000
		fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}
