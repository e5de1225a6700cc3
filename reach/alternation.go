package reach

import (
	"regexp/syntax"
	"strings"
)

// maxAlternatives bounds the names one alternation yields: a pattern
// that matches more is no list of names.
const maxAlternatives = 16

// regexCondition tells a condition whose values are regular expressions,
// where '|' is alternation: an octo-sts *_pattern field and a CEL
// matches() call (Google Cloud, Kubernetes). Elsewhere '|' is a character
// like any other (AWS StringLike and Vault globs, exact values).
func regexCondition(expression string) bool {
	return strings.Contains(expression, "_pattern") || strings.Contains(expression, "matches(")
}

// environmentVariants is the environments a name mined from a condition
// stands for: under a regular expression that is a simple alternation of
// literals (prod|staging, (?:prod|staging), deploy-(eu|us)), each name it
// matches; otherwise literalVariants. Each is followed by PrefixProbe.
func environmentVariants(name string, regex bool) []string {
	if !regex || !strings.Contains(name, "|") {
		return literalVariants(name)
	}
	names, ok := alternatives(name)
	if !ok {
		return literalVariants(name)
	}
	out := make([]string, 0, 2*len(names))
	for _, n := range names {
		out = append(out, n, n+PrefixProbe)
	}
	return out
}

// alternatives is every string pattern matches when that is a short list
// of environment names (no ':' or spaces, not empty), and false for any
// other pattern.
func alternatives(pattern string) ([]string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	names, ok := literals(re)
	if !ok {
		return nil, false
	}
	for _, n := range names {
		if n == "" || strings.ContainsAny(n, ": \t") {
			return nil, false
		}
	}
	return names, true
}

// literals enumerates the finite language of re: literals, groups,
// alternations, concatenations of them and small character classes (the
// parser turns a|b into [ab]); anchors match the empty string.
func literals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return []string{""}, true
	case syntax.OpCapture:
		return literals(re.Sub[0])
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxAlternatives {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			names, ok := literals(sub)
			if !ok || len(out)+len(names) > maxAlternatives {
				return nil, false
			}
			out = append(out, names...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			names, ok := literals(sub)
			if !ok || len(out)*len(names) > maxAlternatives {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(names))
			for _, a := range out {
				for _, b := range names {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// subjectBranch cuts an environment mined from a subject pattern at its
// alternation when the last branch runs on past the mention (more follows
// its end, at rest): env:prod|repo:o/r:ref:… names prod, and repo begins
// another subject.
func subjectBranch(name, rest string) string {
	if !strings.HasPrefix(rest, ":") {
		return name
	}
	depth, cut := 0, -1
	for i, r := range name {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				cut = i
			}
		}
	}
	if cut < 0 {
		return name
	}
	return name[:cut]
}
