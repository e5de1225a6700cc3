package octosts

import (
	"regexp/syntax"
	"strings"
)

// Two readings of a pattern's syntax tree that a rewrite is checked with
// before it is offered: values it accepts (witnesses), and the literal
// beginnings every value it accepts has (leadingLiterals).

// maxWitnesses bounds both readings: past it, a rewrite is not offered.
const maxWitnesses = 256

// witnesses are values re accepts: every alternative taken, a star or
// "?" taken zero times and once, a repetition its least number of times,
// a class by each of its characters (a large one by the ends of its
// ranges). ok is false past maxWitnesses.
func witnesses(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		return classWitnesses(re.Rune), true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"x"}, true
	case syntax.OpCapture:
		return witnesses(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		once, ok := witnesses(re.Sub[0])
		return append([]string{""}, once...), ok && len(once) < maxWitnesses
	case syntax.OpPlus:
		return witnesses(re.Sub[0])
	case syntax.OpRepeat:
		one, ok := witnesses(re.Sub[0])
		out := []string{""}
		for i := 0; i < re.Min && ok; i++ {
			out, ok = product(out, one)
		}
		return out, ok
	case syntax.OpConcat:
		out, ok := []string{""}, true
		for _, sub := range re.Sub {
			w, wok := witnesses(sub)
			if !wok {
				return nil, false
			}
			if out, ok = product(out, w); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			w, ok := witnesses(sub)
			if !ok || len(out)+len(w) > maxWitnesses {
				return nil, false
			}
			out = append(out, w...)
		}
		return out, true
	}
	return []string{""}, true // empty-width assertions and empty matches
}

// classWitnesses are a class's characters, or the ends of its ranges
// when it has more than 16.
func classWitnesses(ranges []rune) []string {
	var out []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if len(out) == 16 {
				out = out[:0]
				for j := 0; j+1 < len(ranges) && len(out) < maxWitnesses; j += 2 {
					out = append(out, string(ranges[j]), string(ranges[j+1]))
				}
				return out
			}
			out = append(out, string(r))
		}
	}
	return out
}

// product is every a+b, or ok false past maxWitnesses.
func product(as, bs []string) ([]string, bool) {
	if len(as)*len(bs) > maxWitnesses {
		return nil, false
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out, true
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
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 16 {
					return []string{""}, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return leadingLiterals(re.Sub[0])
	case syntax.OpConcat:
		out, exact := []string{""}, true
		for _, sub := range re.Sub {
			if !exact {
				break
			}
			l, e := leadingLiterals(sub)
			joined, ok := product(out, l)
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
