package providererrors

import "regexp/syntax"

// requiredLiteral is the longest case-sensitive run of text every match
// of pattern contains, or "" when there is none. Find looks for it with
// strings.Contains before running the expression: a paste without
// "AADSTS7002138" is not scanned for that message, so a megabyte of
// base64 costs one fast search per entry instead of a regexp scan.
// Runs under (?i) are left out: a case-folded match need not contain
// them byte for byte.
func requiredLiteral(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	return longestRequired(re.Simplify())
}

// longestRequired walks the parts of re that every match passes through:
// a concatenation's parts and a capture's contents. Alternations,
// repetitions and optional parts are not required, so they are not read.
func longestRequired(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return ""
		}
		return string(re.Rune)
	case syntax.OpCapture:
		return longestRequired(re.Sub[0])
	case syntax.OpConcat:
		best := ""
		for _, sub := range re.Sub {
			if s := longestRequired(sub); len(s) > len(best) {
				best = s
			}
		}
		return best
	}
	return ""
}
