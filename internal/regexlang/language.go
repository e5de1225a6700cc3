package regexlang

import "regexp/syntax"

// SmallClass is the most characters a class is read as one by one; a
// larger class is too large for Finite, and Witnesses takes the ends of
// its ranges.
const SmallClass = 16

// Finite is the exact language of re when it has at most limit strings:
// literals, groups, alternations, concatenations of them and classes of
// at most limit characters (the parser turns a|b into [ab]); an anchor or
// an empty match is the empty string. Any other node (a repetition, any
// character, a word boundary) makes ok false. Case folding is not read:
// a folded literal stands for itself as the parser stores it.
func Finite(re *syntax.Regexp, limit int) ([]string, bool) {
	return walk{limit: limit}.strings(re)
}

// Witnesses are values re accepts, at most limit of them: every alternative
// taken, a star or "?" taken zero times and once, a "+" once, a
// repetition its least number of times, any character as "x", a class by
// each of its characters (one of more than SmallClass by the ends of its
// ranges), any assertion as the empty string. ok is false past limit.
// Assertions are not checked, so a witness can be a value re refuses.
func Witnesses(re *syntax.Regexp, limit int) ([]string, bool) {
	return walk{limit: limit, sample: true}.strings(re)
}

// walk is one reading of a tree: exact (Finite) or sampled (Witnesses).
type walk struct {
	limit  int
	sample bool
}

func (w walk) strings(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return w.strings(re.Sub[0])
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return []string{""}, true
	case syntax.OpCharClass:
		if !w.sample {
			return ClassChars(re.Rune, w.limit)
		}
		if chars, ok := ClassChars(re.Rune, SmallClass); ok {
			return chars, true
		}
		return rangeEnds(re.Rune, w.limit), true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			part, ok := w.strings(sub)
			if !ok {
				return nil, false
			}
			if out, ok = Product(out, part, w.limit); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			part, ok := w.strings(sub)
			if !ok || len(out)+len(part) > w.limit {
				return nil, false
			}
			out = append(out, part...)
		}
		return out, true
	}
	if !w.sample {
		return nil, false
	}
	return w.sampled(re)
}

// sampled reads the nodes only Witnesses takes: repetitions stand for a
// few counts, any character for "x", other assertions for "".
func (w walk) sampled(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"x"}, true
	case syntax.OpStar, syntax.OpQuest:
		once, ok := w.strings(re.Sub[0])
		return append([]string{""}, once...), ok && len(once) < w.limit
	case syntax.OpPlus:
		return w.strings(re.Sub[0])
	case syntax.OpRepeat:
		one, ok := w.strings(re.Sub[0])
		out := []string{""}
		for i := 0; i < re.Min && ok; i++ {
			out, ok = Product(out, one, w.limit)
		}
		return out, ok
	}
	return []string{""}, true
}

// ClassChars are the characters of a class given as rune ranges (lo, hi
// pairs, as syntax.Regexp.Rune holds them), or ok false when it has more
// than limit.
func ClassChars(ranges []rune, limit int) ([]string, bool) {
	var out []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if len(out) == limit {
				return nil, false
			}
			out = append(out, string(r))
		}
	}
	return out, true
}

// rangeEnds are the first and last characters of a class's ranges, taken
// until there are limit or more.
func rangeEnds(ranges []rune, limit int) []string {
	var out []string
	for i := 0; i+1 < len(ranges) && len(out) < limit; i += 2 {
		out = append(out, string(ranges[i]), string(ranges[i+1]))
	}
	return out
}

// Product is every a+b, a from as and b from bs in that order, or ok
// false when there would be more than limit.
func Product(as, bs []string, limit int) ([]string, bool) {
	if len(as)*len(bs) > limit {
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
