package aws

import (
	"strings"
	"unicode"
)

// Character features of the known classes: case folding, characters
// outside the Basic Multilingual Plane, line breaks.

// foldsToASCII: a character outside ASCII whose case-fold orbit holds an
// ASCII letter (ſ → s, K (Kelvin) → k).
func foldsToASCII(r rune) bool {
	_, ok := asciiInOrbit(r)
	return ok
}

func asciiInOrbit(r rune) (rune, bool) {
	if r < 0x80 {
		return 0, false
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < 0x80 {
			return unicode.ToLower(f), true
		}
	}
	return 0, false
}

func asciiFold(s string) string {
	return strings.Map(func(r rune) rune {
		if a, ok := asciiInOrbit(r); ok {
			return a
		}
		return r
	}, s)
}

func isAstral(r rune) bool { return r > 0xFFFF }

func isLineTerminator(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}
