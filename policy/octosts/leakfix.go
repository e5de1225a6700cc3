package octosts

import (
	"regexp/syntax"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// leakRewrite is the pattern the lint proposes for f's ungrouped
// alternation (factorTail, as alternationFix words it), offered only
// when it accepts v, accepts what f's alternatives were meant to accept
// and nothing else (sameValues), and, for a claim that names a
// repository, begins with the token's repository in every value it
// accepts: a rewrite that lets another repository in is not offered,
// even where the author's alternatives meant it.
func (tp *trustPolicy) leakRewrite(f *field, tok policy.Token, v string) (fixed string, ok bool) {
	if len(f.shape.bars) == 0 {
		return "", false
	}
	alts := alternatives(f.value, f.shape.bars)
	if _, tail := laterTail(alts); tail == "" {
		return "", false // whole values: grouping, which octo-sts now does, is the fix, and it refuses v
	}
	fc, ok := factorTail(alts)
	if !ok || !tp.accepts(f, fc.fixed, v) || !sameValues(fc.fixed, "(?:"+strings.Join(fc.meant, "|")+")") {
		return "", false
	}
	if prefixes, scoped := repositoryPrefixes(f.claim, tok); scoped && !beginsWithOneOf(fc.fixed, prefixes) {
		return "", false
	}
	return fc.fixed, true
}

// accepts reports whether pattern p, in f's place, compiles within
// oidcscope's caps, reads the same under both anchorings (no top-level
// "|" or (?m)), and accepts v.
func (tp *trustPolicy) accepts(f *field, p, v string) bool {
	if s := topLevel(p); len(s.bars) > 0 || s.multiline {
		return false
	}
	g := tp.newPattern(f.key, f.claim, p)
	if g.broken() {
		return false
	}
	matched, ok := g.match(newMeter(), v)
	return ok && matched
}

// sameValues checks that patterns a and b accept the same values: each
// accepts every witness of the other (witnesses that their own pattern
// refuses, from an assertion the generator skips, prove nothing and are
// left out). A check, not a proof: factorTail's construction is the
// proof, and this catches a cut it got wrong.
func sameValues(a, b string) bool {
	ra, rb := wholeMatch(a), wholeMatch(b)
	if ra == nil || rb == nil {
		return false
	}
	for _, c := range []struct {
		from       string
		own, other interface{ MatchString(string) bool }
	}{{a, ra, rb}, {b, rb, ra}} {
		tree, err := syntax.Parse(c.from, syntax.Perl)
		if err != nil {
			return false
		}
		ws, ok := witnesses(tree)
		if !ok {
			return false
		}
		for _, w := range ws {
			if c.own.MatchString(w) && !c.other.MatchString(w) {
				return false
			}
		}
	}
	return true
}

// repositoryPrefixes are, for a claim whose value names a repository, the
// beginnings that name the token's: the sub's repository part in either
// form, a workflow ref's owner/repo/. scoped is true for every claim that
// names a repository, owner or enterprise; with no prefixes, no rewrite
// of its pattern is offered (only the token's exact value is added).
func repositoryPrefixes(claim string, tok policy.Token) (prefixes []string, scoped bool) {
	switch claim {
	case "sub":
		rs, ok := splitSubject(tok)
		if !ok {
			return nil, true
		}
		prefixes = []string{rs.legacy + ":"}
		if rs.immutable != "" {
			prefixes = append(prefixes, rs.immutable+":")
		}
		return prefixes, true
	case "job_workflow_ref", "workflow_ref":
		v, _ := tok.String(claim)
		owner, rest, ok1 := strings.Cut(v, "/")
		repo, _, ok2 := strings.Cut(rest, "/")
		if !ok1 || !ok2 || owner == "" || repo == "" {
			return nil, true
		}
		return []string{owner + "/" + repo + "/"}, true
	case "iss", "aud", "repository", "repository_owner", "repository_id", "repository_owner_id", "enterprise", "enterprise_id":
		return nil, true
	}
	return nil, false
}
