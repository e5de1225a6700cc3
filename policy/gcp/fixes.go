package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// fixes are the changes to a refusing provider itself that the token's
// own conditions (gcpinfo.Snippets, which know no provider) cannot say,
// ready to paste: a failing attributeMapping entry replaced (an absent
// claim guarded with has(), a google.subject that fits in 127 bytes for
// this token) or, when nothing maps, the whole mapping without it;
// attributeCondition terms when the failing condition reads no claim
// this token has; an IAM member of the provider's pool when none of the
// attached ones matches; the command that undeletes or enables the
// provider. Every replacement is evaluated against the token first.
// Token-side refusals (a duplicated claim, oidcscope's own CEL bounds)
// get nothing: no provider change is the fix. Evaluate sets them as
// Result.Fixes when the provider does not accept the token.
func (ev *evaluation) fixes() []policy.Snippet {
	out := ev.stateFixes()
	mapped, mfix := ev.mappingFixes()
	out = append(out, mfix...)
	out = append(out, ev.conditionFixes()...)
	return append(out, ev.memberFixes(mapped)...)
}

func fix(claim, text, note string) policy.Snippet {
	return policy.Snippet{Provider: policy.GCP, Claim: claim, Text: text, Note: note}
}

// condition finds the recorded condition with this expression.
func (ev *evaluation) condition(expr string) (policy.Condition, bool) {
	for _, c := range ev.Conds {
		if c.Expression == expr {
			return c, true
		}
	}
	return policy.Condition{}, false
}

func refused(c policy.Condition) bool { return c.Result == policy.Fail || c.Result == policy.Errored }

// tokenSide reports whether a failure is the token's (a duplicated claim)
// or oidcscope's (its CEL bounds stopped the expression).
func (ev *evaluation) tokenSide(c policy.Condition) bool {
	return len(googleClaims.Duplicated(ev.tok, c.Claims)) > 0 || len(ev.Stops) > 0
}

// stateFixes: gcloud's command that brings a DELETED (within 30 days) or
// disabled provider back.
func (ev *evaluation) stateFixes() []policy.Snippet {
	p := ev.p
	r := gcpinfo.Placeholder
	if p.hasRes {
		r = p.res
	}
	args := fmt.Sprintf("%s --workload-identity-pool=%s --location=%s --project=%s", r.ID, r.Pool, r.Location, r.Project)
	var out []policy.Snippet
	if p.state == "DELETED" {
		out = append(out, fix("", "gcloud iam workload-identity-pools providers undelete "+args, "the provider is DELETED: undelete it (possible within 30 days of the deletion; after that, create it again)"))
	}
	if p.disabled {
		out = append(out, fix("", "gcloud iam workload-identity-pools providers update-oidc "+args+" --no-disabled", "the provider is disabled: enable it"))
	}
	return out
}

// mapEntry is one attributeMapping entry as the fixes leave it.
type mapEntry struct{ target, src string }

// mappingFixes replaces or drops the mapping entries that fail for this
// token, and returns the mapping they leave.
func (ev *evaluation) mappingFixes() ([]mapEntry, []policy.Snippet) {
	var kept []mapEntry
	var out []policy.Snippet
	var removed []string
	removedClaim := ""
	for _, mp := range ev.p.mappings {
		src := mp.source()
		c, ok := ev.condition(mp.target + " = " + src)
		if !ok || !refused(c) || ev.tokenSide(c) {
			kept = append(kept, mapEntry{mp.target, src})
			continue
		}
		why := strings.Join(c.Diagnosis, "; ")
		if len(c.Diagnosis) > 0 {
			why = c.Diagnosis[0]
		}
		if repl, claim, note := ev.replacement(mp, c); repl != "" {
			kept = append(kept, mapEntry{mp.target, repl})
			out = append(out, fix(claim, policy.QuoteJSON(mp.target, false)+": "+policy.QuoteJSON(repl, false),
				fmt.Sprintf("attributeMapping: replace the entry %s = %s, which refuses this token (%s): %s", mp.target, src, why, note)))
			continue
		}
		if mp.target == "google.subject" {
			kept = append(kept, mapEntry{mp.target, src}) // required: nothing to drop, and nothing here fits
			continue
		}
		removed = append(removed, fmt.Sprintf("%s (%s)", mp.target, why))
		if removedClaim == "" && len(c.Claims) > 0 {
			removedClaim = c.Claims[0]
		}
	}
	kept, dropped := ev.fitTotal(kept)
	removed = append(removed, dropped...)
	if len(removed) > 0 {
		members := make([]string, len(kept))
		for i, e := range kept {
			members[i] = policy.QuoteJSON(e.target, false) + ": " + policy.QuoteJSON(e.src, false)
		}
		out = append(out, fix(removedClaim, `"attributeMapping": {`+strings.Join(members, ", ")+`}`,
			"attributeMapping without "+strings.Join(removed, ", ")+": paste it over the provider's attributeMapping (gcloud's --attribute-mapping replaces the whole mapping too); a condition or IAM member that reads a removed attribute must go with it"))
	}
	return kept, out
}

// replacement is an expression for mp's target that maps for this token:
// for google.subject, one within the 127-byte limit; for an attribute
// that reads an absent claim, the same expression guarded with has().
func (ev *evaluation) replacement(mp *mapping, c policy.Condition) (src, claim, note string) {
	if mp.target == "google.subject" {
		for _, cand := range []struct{ src, claim, note string }{
			{"assertion.sub", "sub", "google.subject as the token's sub"},
			{"'repository_id:' + assertion.repository_id", "repository_id", "the repository's immutable ID: this token's sub does not fit"},
			{"assertion.sub.split(':')[1]", "sub", "owner/repo of the sub: this token's sub does not fit"},
		} {
			if v, ok := ev.trial(mp.target, cand.src); ok && cand.src != mp.source() {
				s := v.(string)
				return cand.src, cand.claim, fmt.Sprintf("%s, %d bytes for this token (the limit is %d); principal://…/subject/ members name this subject: %s", cand.note, len(s), MaxSubjectBytes, s)
			}
		}
		return "", "", ""
	}
	if mp.expr == nil {
		return "", "", ""
	}
	var missing []string
	for _, r := range mp.expr.refs {
		if _, present := ev.assertion[r.Key]; r.Root == varAssertion && !present && !slices.Contains(missing, r.Key) {
			missing = append(missing, r.Key)
		}
	}
	if len(missing) == 0 {
		return "", "", ""
	}
	var guards []string
	for _, k := range missing {
		guards = append(guards, "has(assertion."+k+")")
	}
	body, empty := mp.source(), "''"
	if body != "assertion."+missing[0] || len(missing) > 1 {
		body = "(" + body + ")"
	}
	if mp.target == "google.groups" {
		empty = "[]"
	}
	src = strings.Join(guards, " && ") + " ? " + body + " : " + empty
	if _, ok := ev.trial(mp.target, src); !ok {
		return "", "", ""
	}
	return src, missing[0], fmt.Sprintf("it maps %s for a token without %s and the claim's value otherwise (or remove the entry, if nothing reads %s)", empty, strings.Join(missing, ", "), mp.target)
}

// trial compiles and evaluates a mapping expression for this token, and
// reports whether Google Cloud would accept what it maps.
func (ev *evaluation) trial(target, src string) (any, bool) {
	rt, err := sharedEnv()
	if err != nil {
		return nil, false
	}
	c := compileCEL(rt, src, "attributeMapping["+target+"]", false)
	if c.err != "" || c.prg == nil {
		return nil, false
	}
	out, err := ev.Meter.Eval(c.prg, ev.vars())
	if err != nil {
		return nil, false
	}
	v, why := mappedValue(target, out)
	if why != "" {
		return nil, false
	}
	if s, isStr := v.(string); target == "google.subject" && (!isStr || s == "" || len(s) > MaxSubjectBytes) {
		return nil, false
	}
	return v, true
}

// fitTotal drops the largest attribute.<key> entries until what the
// mapping produces for this token fits Google Cloud's 8 KB.
func (ev *evaluation) fitTotal(kept []mapEntry) ([]mapEntry, []string) {
	sizes := make([]int, len(kept))
	total := 0
	for i, e := range kept {
		if v, ok := ev.trial(e.target, e.src); ok {
			sizes[i] = size(v)
			total += sizes[i]
		}
	}
	var dropped []string
	for total > MaxMappedBytes {
		big := -1
		for i, e := range kept {
			if strings.HasPrefix(e.target, "attribute.") && (big < 0 || sizes[i] > sizes[big]) {
				big = i
			}
		}
		if big < 0 {
			break
		}
		dropped = append(dropped, fmt.Sprintf("%s (%d bytes of the %d that the mapping produces; Google Cloud allows %d)", kept[big].target, sizes[big], total, MaxMappedBytes))
		total -= sizes[big]
		kept = slices.Delete(kept, big, big+1)
		sizes = slices.Delete(sizes, big, big+1)
	}
	return kept, dropped
}

// conditionFixes: when the failing attributeCondition reads no claim the
// token has a term for, the block would offer no term at all; pin the
// repository by its immutable IDs instead.
func (ev *evaluation) conditionFixes() []policy.Snippet {
	var c policy.Condition
	found := false
	for _, cc := range ev.Conds {
		if strings.HasPrefix(cc.Expression, "attributeCondition: ") {
			c, found = cc, true
			break
		}
	}
	if !found || !refused(c) || ev.tokenSide(c) {
		return nil
	}
	var ids []policy.Snippet
	for _, sn := range gcpinfo.Snippets(ev.tok) {
		if !strings.HasPrefix(sn.Text, varAssertion+".") {
			continue
		}
		if slices.Contains(c.Claims, sn.Claim) {
			return nil // the token's own terms for those claims are in the block
		}
		if sn.Claim == "repository_owner_id" || sn.Claim == "repository_id" {
			sn.Note = "CEL term for attributeCondition (join terms with &&): the failing condition reads no claim this token has, so this pins the repository by its immutable IDs instead"
			ids = append(ids, sn)
		}
	}
	return ids
}

// memberFixes: when none of the IAM members attached to the provider
// matches, one of the provider's pool for this token's repository ID, and
// the mapping entry it needs.
func (ev *evaluation) memberFixes(mapped []mapEntry) []policy.Snippet {
	p := ev.p
	if len(p.members) == 0 || ev.matched != "" {
		return nil
	}
	id, ok := ev.tok.String("repository_id")
	if !ok || id == "" || ev.tok.Duplicated("repository_id") {
		return nil
	}
	pool := gcpinfo.Placeholder.PoolPath()
	if p.hasRes {
		pool = p.res.PoolPath()
	}
	out := []policy.Snippet{fix("repository_id", fmt.Sprintf("principalSet://%s/%s/attribute.repository_id/%s", IAMHost, pool, id),
		"IAM member of this provider's pool for this repository: bind it with the role the attached members have; needs attribute.repository_id in attributeMapping")}
	if !slices.ContainsFunc(mapped, func(e mapEntry) bool { return e.target == "attribute.repository_id" }) {
		out = append(out, fix("repository_id", `"attribute.repository_id": "assertion.repository_id"`, "attributeMapping entry the IAM member above needs"))
	}
	return out
}
