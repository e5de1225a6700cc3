package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// mapEntry is one attributeMapping entry as the fixes leave it.
type mapEntry struct{ target, src string }

// mappingFixes replaces or drops the mapping entries that fail for this
// token (a google.subject that fits, an absent claim guarded), and
// returns the mapping they leave.
func (ev *evaluation) mappingFixes() ([]mapEntry, []policy.Snippet) {
	var kept []mapEntry
	var out []policy.Snippet
	var removed []string
	removedClaim := ""
	for _, mp := range ev.p.mappings {
		src := mp.source()
		c, ok := ev.recorded(ev.mapAt[mp])
		if !ok || !refused(c) || ev.tokenSide(c) {
			kept = append(kept, mapEntry{mp.target, src})
			continue
		}
		why := strings.Join(c.Diagnosis, "; ")
		if len(c.Diagnosis) > 0 {
			why = c.Diagnosis[0]
		}
		if repl, claim, note := ev.replacement(mp); repl != "" {
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
			"attributeMapping without "+strings.Join(removed, ", ")+": paste it over the provider's attributeMapping (gcloud's --attribute-mapping replaces the whole mapping too); a condition or IAM member that reads a removed attribute must go with it, which drops the restriction it makes"))
	}
	return kept, out
}

// replacement is an expression for mp's target that maps for this token:
// for google.subject, the first of gcpinfo.SubjectMappings that Google
// Cloud accepts; for an attribute that reads an absent claim, the same
// expression guarded.
func (ev *evaluation) replacement(mp *mapping) (src, claim, note string) {
	if mp.target == "google.subject" {
		for _, cand := range gcpinfo.SubjectMappings() {
			if v, ok := ev.trial(mp.target, cand.Src); ok && cand.Src != mp.source() {
				s := v.(string)
				return cand.Src, cand.Claim, fmt.Sprintf("%s, %d bytes for this token (the limit is %d); principal://…/subject/ members name this subject: %s", cand.Note, len(s), MaxSubjectBytes, s)
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
		guards = append(guards, claimGuard(k))
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
	return src, missing[0], fmt.Sprintf("it maps %s for a token without %s and the claim's value otherwise, so a condition or member that reads %s sees %s then (or remove the entry, if nothing reads it)", empty, strings.Join(missing, ", "), mp.target, empty)
}

var celIdent = lazyre.New(`^[A-Za-z_][A-Za-z0-9_]*$`)

// celReserved are CEL's reserved words, which cannot follow a dot.
var celReserved = []string{"true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"}

// claimGuard is the CEL test that the token has claim k: has() for a key
// that can follow a dot, else 'k' in assertion, which any key can use.
func claimGuard(k string) string {
	if celIdent().MatchString(k) && !slices.Contains(celReserved, k) {
		return "has(" + varAssertion + "." + k + ")"
	}
	return policy.QuoteCEL(k) + " in " + varAssertion
}

// claimRead is the CEL that reads claim k, in the same two forms.
func claimRead(k string) string {
	if celIdent().MatchString(k) && !slices.Contains(celReserved, k) {
		return varAssertion + "." + k
	}
	return varAssertion + "[" + policy.QuoteCEL(k) + "]"
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
