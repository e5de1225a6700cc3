package simulate

import (
	"regexp"
	"slices"
	"strings"
)

// filter is one ref filter of a workflow event (branches and
// branches-ignore, or tags and tags-ignore), as GitHub reads it: with
// only, a ref runs when the last pattern matching it is not negated
// (!pattern); with ignore, when no pattern matches it.
type filter struct {
	set          bool // the event names this filter
	only, ignore []string
}

func (f filter) allows(name string) bool {
	if !f.set {
		return true
	}
	if len(f.ignore) > 0 {
		for _, p := range f.ignore {
			if globMatch(p, name) {
				return false
			}
		}
		return true
	}
	ok := false
	for _, p := range f.only {
		if neg, found := strings.CutPrefix(p, "!"); found {
			if globMatch(neg, name) {
				ok = false
			}
		} else if globMatch(p, name) {
			ok = true
		}
	}
	return ok
}

// positive is the patterns a ref can be made from: the non-negated ones.
func (f filter) positive() []string {
	var out []string
	for _, p := range f.only {
		if !strings.HasPrefix(p, "!") {
			out = append(out, p)
		}
	}
	return out
}

// runs tells whether GitHub runs event e for a full ref (for a pull
// request or a merge queue, the base branch). An event that filters only
// branches runs for no tag, and one that filters only tags for no branch
// (GitHub's "Workflow syntax": on.push.<branches|tags>).
func (e event) runs(ref string) bool {
	switch {
	case strings.HasPrefix(ref, "refs/heads/"):
		if !e.branches.set && e.tags.set {
			return false
		}
		return e.branches.allows(branchName(ref))
	case strings.HasPrefix(ref, "refs/tags/"):
		if !e.tags.set && e.branches.set {
			return false
		}
		return e.tags.allows(strings.TrimPrefix(ref, "refs/tags/"))
	}
	return true
}

// globMatch matches a name against a filter pattern of GitHub's syntax
// ("Filter pattern cheat sheet"): * any run of characters but /, ** any
// run, ? and + the preceding character at most once and at least once,
// [ ] a class, and \ escaping the character after it. The pattern is read
// rune by rune: a name outside ASCII matches as any other.
func globMatch(pattern, name string) bool {
	var b strings.Builder
	b.WriteString("^")
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch ch := rs[i]; {
		case ch == '\\' && i+1 < len(rs):
			i++
			b.WriteString(regexp.QuoteMeta(string(rs[i])))
		case ch == '*' && i+1 < len(rs) && rs[i+1] == '*':
			b.WriteString(".*")
			i++
		case ch == '*':
			b.WriteString("[^/]*")
		case ch == '?' || ch == '+':
			b.WriteRune(ch)
		case ch == '[':
			end := slices.Index(rs[i:], ']')
			if end < 0 {
				return false
			}
			b.WriteString(string(rs[i : i+end+1]))
			i += end
		default:
			b.WriteString(regexp.QuoteMeta(string(ch)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	return err == nil && re.MatchString(name)
}

// unescaped is a filter pattern's text with its \ escapes taken away:
// the characters they stand for, and whether any special character is
// left unescaped (the pattern then names more than one ref).
func unescaped(pattern string) (string, bool) {
	var b strings.Builder
	special := false
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\\' && i+1 < len(rs):
			i++
		case strings.ContainsRune("*?[!+", rs[i]):
			special = true
		}
		b.WriteRune(rs[i])
	}
	return b.String(), special
}
