package escape

import "unicode"

// defaultIgnorable is Unicode's Default_Ignorable_Code_Point property:
// characters a renderer shows as nothing at all (or, for the Hangul
// fillers, a blank), so a claim can hide text with them. Most are format
// characters (Cf), which Unsafe catches already; the rest — the Hangul
// fillers, variation selectors, the combining grapheme joiner, the Khmer
// inherent vowels and reserved code points — are letters and marks by
// category. Go's unicode package has no table for the property.
//
// Source: DerivedCoreProperties.txt of the Unicode Character Database,
// version 16.0.0 (https://www.unicode.org/Public/16.0.0/ucd/), the lines
// "; Default_Ignorable_Code_Point", adjacent ranges merged. Its "Total code
// points: 4174" is pinned by TestDefaultIgnorableTable; the property has
// not changed since Unicode 14.0 added U+180F.
var defaultIgnorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00ad, Hi: 0x00ad, Stride: 1}, // SOFT HYPHEN
		{Lo: 0x034f, Hi: 0x034f, Stride: 1}, // COMBINING GRAPHEME JOINER
		{Lo: 0x061c, Hi: 0x061c, Stride: 1}, // ARABIC LETTER MARK
		{Lo: 0x115f, Hi: 0x1160, Stride: 1}, // HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
		{Lo: 0x17b4, Hi: 0x17b5, Stride: 1}, // KHMER VOWEL INHERENT AQ..AA
		{Lo: 0x180b, Hi: 0x180f, Stride: 1}, // MONGOLIAN FREE VARIATION SELECTORS, VOWEL SEPARATOR
		{Lo: 0x200b, Hi: 0x200f, Stride: 1}, // ZERO WIDTH SPACE..RIGHT-TO-LEFT MARK
		{Lo: 0x202a, Hi: 0x202e, Stride: 1}, // LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
		{Lo: 0x2060, Hi: 0x206f, Stride: 1}, // WORD JOINER..NOMINAL DIGIT SHAPES (isolates included)
		{Lo: 0x3164, Hi: 0x3164, Stride: 1}, // HANGUL FILLER
		{Lo: 0xfe00, Hi: 0xfe0f, Stride: 1}, // VARIATION SELECTOR-1..16
		{Lo: 0xfeff, Hi: 0xfeff, Stride: 1}, // ZERO WIDTH NO-BREAK SPACE
		{Lo: 0xffa0, Hi: 0xffa0, Stride: 1}, // HALFWIDTH HANGUL FILLER
		{Lo: 0xfff0, Hi: 0xfff8, Stride: 1}, // reserved
	},
	R32: []unicode.Range32{
		{Lo: 0x1bca0, Hi: 0x1bca3, Stride: 1}, // SHORTHAND FORMAT LETTER OVERLAP..UP STEP
		{Lo: 0x1d173, Hi: 0x1d17a, Stride: 1}, // MUSICAL SYMBOL BEGIN BEAM..END PHRASE
		{Lo: 0xe0000, Hi: 0xe0fff, Stride: 1}, // tags, VARIATION SELECTOR-17..256, reserved
	},
	LatinOffset: 1, // U+00AD is in Latin-1
}
