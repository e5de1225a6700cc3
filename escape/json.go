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
	if isASCIINoDEL(doc) {
		return doc
	}
	var b bytes.Buffer
	b.Grow(len(doc) + 32)
	for i := 0; i < len(doc); {
		r, size := utf8.DecodeRune(doc[i:])
		// U+FFFD is left alone: it is printable, and the encoder's own
		// stand-in for bytes that were not UTF-8.
		if (size > 1 || r == 0x7f) && r != utf8.RuneError && Unsafe(r) {
			writeJSONEscape(&b, r)
		} else {
			b.Write(doc[i : i+size])
		}
		i += size
	}
	return b.Bytes()
}

func writeJSONEscape(b *bytes.Buffer, r rune) {
	if r > 0xffff {
		r -= 0x10000
		fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}

func isASCIINoDEL(b []byte) bool {
	for _, c := range b {
		if c >= 0x7f {
			return false
		}
	}
	return true
}
