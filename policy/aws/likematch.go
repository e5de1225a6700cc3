package aws

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// likePattern is a StringLike pattern after its variables are replaced:
// text, and which of its bytes are wildcards. A `*` or `?` that came from
// ${*}, ${?} or a variable's value is literal, so the pattern cannot be a
// plain string for policy.MatchWildcard, which has no escape; match gives
// policy.MatchWildcardAt the offsets that stayed wildcards.
type likePattern struct {
	text string
	wild []bool // wild[i]: text[i] is a wildcard * or ?; nil when none is or bare is set
	bare bool   // every * and ? of text is a wildcard (a value with no ${…})
}

// likeBuilder builds a likePattern piece by piece.
type likeBuilder struct {
	text  strings.Builder
	wild  []bool
	wilds bool // a wildcard was added
}

// add appends literal text, or a wildcard when kind is partStar or partOne.
func (b *likeBuilder) add(kind partKind, text string) {
	switch kind {
	case partStar:
		b.text.WriteByte('*')
		b.wild, b.wilds = append(b.wild, true), true
	case partOne:
		b.text.WriteByte('?')
		b.wild, b.wilds = append(b.wild, true), true
	default:
		b.text.WriteString(text)
		b.wild = append(b.wild, make([]bool, len(text))...)
	}
}

func (b *likeBuilder) pattern() likePattern {
	if !b.wilds {
		return likePattern{text: b.text.String()}
	}
	return likePattern{text: b.text.String(), wild: b.wild}
}

func (p likePattern) isWild(i int) bool {
	if p.bare {
		return p.text[i] == '*' || p.text[i] == '?'
	}
	return p.wild != nil && p.wild[i]
}

// hasStar reports whether the pattern holds a `*` wildcard: only those
// make matching cost pattern × value (policy.WildcardCost).
func (p likePattern) hasStar() bool {
	for i := 0; i < len(p.text); i++ {
		if p.text[i] == '*' && p.isWild(i) {
			return true
		}
	}
	return false
}

// prefix is the pattern's literal text before its first wildcard: what
// every match starts with.
func (p likePattern) prefix() string {
	for i := 0; i < len(p.text); i++ {
		if p.isWild(i) {
			return p.text[:i]
		}
	}
	return p.text
}

// display writes the pattern as a condition value: literal * and ? as
// ${*} and ${?}, so a reader tells them from wildcards.
func (p likePattern) display() string {
	if !strings.ContainsAny(p.text, "*?") {
		return p.text
	}
	var b strings.Builder
	for i := 0; i < len(p.text); i++ {
		c := p.text[i]
		if (c == '*' || c == '?') && !p.isWild(i) {
			b.WriteString("${" + string(c) + "}")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// lower is the pattern with its literal text lower-cased, for the hint
// that a pattern would match if case were ignored.
func (p likePattern) lower() likePattern {
	var b likeBuilder
	start := 0
	for i := 0; i <= len(p.text); i++ {
		if i < len(p.text) && !p.isWild(i) {
			continue
		}
		b.add(partText, strings.ToLower(p.text[start:i]))
		if i < len(p.text) {
			kind := partStar
			if p.text[i] == '?' {
				kind = partOne
			}
			b.add(kind, "")
		}
		start = i + 1
	}
	return b.pattern()
}

// match reports whether s matches the whole pattern: policy's one
// wildcard matcher, told which '*' and '?' stayed wildcards after the
// ${*} ${?} escapes were undone.
func (p likePattern) match(s string) bool { return policy.MatchWildcardAt(p.text, s, p.isWild) }
