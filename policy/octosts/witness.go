package octosts

import (
	"regexp/syntax"
	"strings"

	"github.com/oidcscope/oidcscope/internal/regexlang"
)

// Two readings of a pattern's syntax tree that a rewrite is checked with
// before it is offered: values it accepts (witnesses), and the literal
// beginnings every value it accepts has (leadingLiterals).

// maxWitnesses bounds both readings: past it, a rewrite is not offered.
const maxWitnesses = 256

// witnesses are values re accepts, regexlang.Witnesses bounded by
// maxWitnesses.
func witnesses(re *syntax.Regexp) ([]string, bool) {
	return regexlang.Witnesses(re, maxWitnesses)
}

// leadingLiterals are literal texts one of which begins every value re
// accepts; exact reports that re accepts exactly those texts. A
// case-folded literal or a large class ends the literal part.
func leadingLiterals(re *syntax.Regexp) (lits []string, exact bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []string{""}, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		if chars, ok := regexlang.ClassChars(re.Rune, regexlang.SmallClass); ok {
			return chars, true
		}
		return []string{""}, false
	case syntax.OpCapture:
		return leadingLiterals(re.Sub[0])
	case syntax.OpConcat:
		out, exact := []string{""}, true
		for _, sub := range re.Sub {
			if !exact {
				break
			}
			l, e := leadingLiterals(sub)
			joined, ok := regexlang.Product(out, l, maxWitnesses)
			if !ok {
				return out, false
			}
			out, exact = joined, e
		}
		return out, exact
	case syntax.OpAlternate:
		var out []string
		exact := true
		for _, sub := range re.Sub {
			l, e := leadingLiterals(sub)
			if len(out)+len(l) > maxWitnesses {
				return []string{""}, false
			}
			out, exact = append(out, l...), exact && e
		}
		return out, exact
	}
	return []string{""}, false
}

// beginsWithOneOf reports whether every value pattern p accepts begins
// with one of prefixes, as far as leadingLiterals can tell.
func beginsWithOneOf(p string, prefixes []string) bool {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return false
	}
	lits, _ := leadingLiterals(re)
	for _, l := range lits {
		ok := false
		for _, pre := range prefixes {
			if pre != "" && strings.HasPrefix(l, pre) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return len(lits) > 0
}
