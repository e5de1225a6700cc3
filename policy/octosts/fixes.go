package octosts

import (
	"fmt"
	"regexp"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// fixes are the changes to a refusing policy that the token's own
// snippets (Snippets, which know no document) cannot say, one per failing
// pattern, each a whole line that replaces the pattern's:
//
//   - a pattern whose ungrouped alternation only octo-sts/app up to v0.8.0
//     let this token through: the lint's factored rewrite (leakRewrite);
//   - otherwise the pattern grouped with this token's exact value as one
//     more alternative, which keeps what it accepts and adds that value
//     only. The token's exact `subject:` (issuer:, audience:) snippet
//     cannot go beside a *_pattern line: octo-sts refuses a policy with
//     both ("only one of subject or subject_pattern can be set").
//
// An exact subject, issuer or audience gets none: the snippet of the same
// key replaces it. A claim the token lacks, or holds as another JSON
// type, gets none either: no pattern fits it. Nor does an owner-scope
// claim (policy.OwnerScope): the token's owner added to the pattern lets
// in every repository of that owner; nor an aud that is another
// provider's default audience: added, octo-sts would accept tokens minted
// for that provider (the workflow requested the wrong audience, and the
// audience condition says it is the token's side). Evaluate sets them as
// Result.Fixes when the policy denies a token it read.
func (tp *trustPolicy) fixes(tok policy.Token, conds []policy.Condition, fields []*field) []policy.Snippet {
	var out []policy.Snippet
	for i, c := range conds {
		f := fields[i]
		if f == nil || !f.pattern || f.broken() || c.Result != policy.Fail || c.Absent || policy.OwnerScope(f.claim) {
			continue
		}
		for _, v := range tp.fixableValues(tok, f) {
			if fx, ok := tp.fix(f, tok, v); ok {
				out = append(out, fx)
				break
			}
		}
	}
	return out
}

// fixableValues are the values of f's claim a pattern could accept: the
// string (or, in claim_pattern, boolean) octo-sts matches, or each aud
// octo-sts's token checks let through and no other provider requests by
// default.
func (tp *trustPolicy) fixableValues(tok policy.Token, f *field) []string {
	v, ok := last(tok, f.claim)
	if !ok {
		return nil
	}
	switch {
	case f.claim == "aud" && f.key == "audience_pattern":
		auds, ok := goOIDCAudience(v)
		if !ok {
			return nil
		}
		var out []string
		for _, a := range auds {
			if _, other := policy.AudienceOf(policy.OctoSTS, a); audienceProblem(a) == "" && !other {
				out = append(out, a)
			}
		}
		return out
	case v.Kind == decode.String, v.Kind == decode.Bool && f.key == "claim_pattern."+f.claim:
		return []string{v.Text}
	}
	return nil
}

// fix is the line that replaces f's so that the policy accepts v.
func (tp *trustPolicy) fix(f *field, tok policy.Token, v string) (policy.Snippet, bool) {
	key, where := f.key, "the "+f.key+" line"
	if f.claim != "" && f.key == "claim_pattern."+f.claim {
		key, where = yamlKey(f.claim), "the "+yamlKey(f.claim)+" line under claim_pattern (keep its indentation)"
	}
	conflict := ""
	if exact, ok := exactKey[f.key]; ok {
		conflict = fmt.Sprintf("; an exact %s: line cannot go beside %s (octo-sts refuses a policy with both: \"only one of %s or %s can be set\")", exact, f.key, exact, f.key)
	}
	sn := policy.Snippet{Provider: policy.OctoSTS, Claim: f.claim}
	if fixed, ok := tp.leakRewrite(f, tok, v); ok {
		sn.Text = key + ": " + yamlQuote(fixed)
		sn.Note = fmt.Sprintf("replace %s with this: the alternation as its alternatives read (the later ones complete the first), factored so that every octo-sts version anchors each as a whole value; it accepts this token's %s and what the alternatives were meant to accept, nothing more%s", where, f.claim, conflict)
		return sn, true
	}
	if unclosedQuote(f.value) || f.whole == nil {
		return sn, false
	}
	union := "(?:" + f.value + "|" + regexp.QuoteMeta(v) + ")"
	if !tp.accepts(f, union, v) {
		return sn, false
	}
	sn.Text = key + ": " + yamlQuote(union)
	sn.Note = fmt.Sprintf("replace %s with this: it keeps what the pattern accepts and adds this token's %s exactly (escaped; octo-sts anchors the group as a whole value)%s", where, f.claim, conflict)
	return sn, true
}

// exactKey is the exact form of each top-level *_pattern key.
var exactKey = map[string]string{
	"issuer_pattern": "issuer", "subject_pattern": "subject", "audience_pattern": "audience",
}
