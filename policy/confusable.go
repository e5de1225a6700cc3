package policy

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// runeNotes names the characters at the first difference of a policy's
// value and the token's (each string starts there) when they are not
// ASCII: a homoglyph such as a Cyrillic о in a repository name looks right
// under the caret, and only its code point and name say what it is.
func runeNotes(expected, actual string) []string {
	var out []string
	for _, side := range []struct{ who, s string }{{"the policy", expected}, {"the token", actual}} {
		if side.s == "" || side.s[0] < utf8.RuneSelf {
			continue
		}
		out = append(out, "  "+side.who+" has "+describeRune(side.s))
	}
	return out
}

// describeRune names the first character of s (which is not ASCII):
// "U+043E CYRILLIC SMALL LETTER O, looks like 'o'".
func describeRune(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("the byte 0x%02x, not UTF-8", s[0])
	}
	d := fmt.Sprintf("%U", r)
	if name := runenames.Name(r); name != "" {
		d += " " + name
	}
	if l := lookalike(r); l != 0 {
		d += fmt.Sprintf(", looks like '%c'", l) // as it is: the view escapes the line once
	}
	return d
}

// lookalike is the ASCII character r is commonly mistaken for, or 0.
func lookalike(r rune) rune {
	if r >= 0xff01 && r <= 0xff5e { // FULLWIDTH EXCLAMATION MARK..FULLWIDTH TILDE
		return r - 0xff01 + '!'
	}
	return confusables[r]
}

// confusables are the homoglyphs most often met in names: Cyrillic and
// Greek letters drawn like Latin ones, dashes, quotes, slashes, colons and
// spaces. They are taken from the thousands of mappings in Unicode's
// confusables.txt (UTS #39, Unicode Security Mechanisms, version 16.0.0:
// https://www.unicode.org/Public/security/16.0.0/confusables.txt), which
// maps capital I to the prototype l; here the letter of the same case is
// named, as a reader would. Fullwidth forms are computed in lookalike.
var confusables = map[rune]rune{
	// Cyrillic
	0x0430: 'a', 0x0435: 'e', 0x043e: 'o', 0x0440: 'p', 0x0441: 'c', 0x0443: 'y', 0x0445: 'x',
	0x0455: 's', 0x0456: 'i', 0x0458: 'j', 0x04bb: 'h', 0x0501: 'd', 0x051b: 'q', 0x051d: 'w',
	0x0405: 'S', 0x0406: 'I', 0x0408: 'J', 0x0410: 'A', 0x0412: 'B', 0x0415: 'E', 0x041a: 'K', 0x041c: 'M',
	0x041d: 'H', 0x041e: 'O', 0x0420: 'P', 0x0421: 'C', 0x0422: 'T', 0x0425: 'X', 0x04ae: 'Y',
	// Greek
	0x03b1: 'a', 0x03b9: 'i', 0x03bd: 'v', 0x03bf: 'o', 0x03c1: 'p',
	0x0391: 'A', 0x0392: 'B', 0x0395: 'E', 0x0396: 'Z', 0x0397: 'H', 0x0399: 'I', 0x039a: 'K',
	0x039c: 'M', 0x039d: 'N', 0x039f: 'O', 0x03a1: 'P', 0x03a4: 'T', 0x03a5: 'Y', 0x03a7: 'X',
	// Latin
	0x0131: 'i', // LATIN SMALL LETTER DOTLESS I
	// dashes and minus signs
	0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2043: '-', 0x2212: '-', 0xfe58: '-', 0x02d7: '-',
	// quotes, primes and apostrophes
	0x2018: '\'', 0x2019: '\'', 0x201b: '\'', 0x2032: '\'', 0x02b9: '\'', 0x02bc: '\'', 0x00b4: '\'',
	0x201c: '"', 0x201d: '"', 0x201f: '"', 0x02ba: '"',
	// slashes, colons, dots
	0x2044: '/', 0x2215: '/', 0x29f8: '/', 0x2236: ':', 0x0589: ':', 0xa789: ':', 0x2024: '.',
	// spaces
	0x00a0: ' ', 0x2000: ' ', 0x2001: ' ', 0x2002: ' ', 0x2003: ' ', 0x2004: ' ', 0x2005: ' ', 0x2006: ' ',
	0x2007: ' ', 0x2008: ' ', 0x2009: ' ', 0x200a: ' ', 0x202f: ' ', 0x205f: ' ',
}
