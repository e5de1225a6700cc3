package reach

import (
	"regexp/syntax"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/internal/regexlang"
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
	re, err := syntax.Parse(withoutFoldCase(pattern), syntax.Perl)
	if err != nil || foldsCase(re) {
		return nil, false
	}
	names, ok := regexlang.Finite(re, maxAlternatives)
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

// withoutFoldCase is pattern with its case-insensitive flags ((?i),
// (?i:…), (?-i)) taken out: the parser stores a case-folded literal in
// upper case, and the names are the ones written (prod, not PROD), which
// the pattern matches either way.
func withoutFoldCase(pattern string) string {
	return flagGroup().ReplaceAllStringFunc(pattern, func(g string) string {
		on, off, _ := strings.Cut(g[2:len(g)-1], "-")
		on, off = strings.ReplaceAll(on, "i", ""), strings.ReplaceAll(off, "i", "")
		flags := on
		if off != "" {
			flags += "-" + off
		}
		switch {
		case flags != "":
			return "(?" + flags + g[len(g)-1:]
		case strings.HasSuffix(g, ":"):
			return "(?:"
		}
		return ""
	})
}

// foldsCase tells whether any part of re still matches case-insensitively.
func foldsCase(re *syntax.Regexp) bool {
	if re.Flags&syntax.FoldCase != 0 && (re.Op == syntax.OpLiteral || re.Op == syntax.OpCharClass) {
		return true
	}
	for _, sub := range re.Sub {
		if foldsCase(sub) {
			return true
		}
	}
	return false
}

// flagGroup is a flag group, (?flags) or the opening (?flags: of a group.
var flagGroup = lazyre.New(`\(\?[A-Za-z]*(?:-[A-Za-z]*)?[:)]`)

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
