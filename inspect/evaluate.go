package inspect

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// evaluate runs the loaded policies and files each condition under the
// claims it reads, and lists per claim the conditions it would satisfy
// (ready to paste, whether or not policies are loaded: the one a user
// needs may be in none of them).
func evaluate(r *Report, tok *decode.Token, opts Options) {
	if tok.Payload.Kind != decode.Object {
		return
	}
	pt := policy.NewToken(tok.Payload)
	index := newClaimIndex(r.Claims)
	r.PoliciesAny = opts.PoliciesAny
	if opts.Policies != nil && opts.Policies.Len() > 0 {
		r.Policies = opts.Policies.Evaluate(pt)
		// Count first, so each claim's list is allocated once: with
		// thousands of policies, growing them was a fifth of the time.
		counts := make([]int, len(r.Claims))
		for _, res := range r.Policies {
			for _, c := range res.Conditions {
				for _, name := range c.Claims {
					for _, i := range index.of(name) {
						counts[i]++
					}
				}
			}
		}
		for i, n := range counts {
			if n > 0 {
				r.Claims[i].Conditions = make([]ClaimCondition, 0, n)
			}
		}
		for _, res := range r.Policies {
			for _, c := range res.Conditions {
				cc := ClaimCondition{Provider: res.Provider, Policy: res.Name, Source: res.Source,
					Expression: c.Expression, Result: c.Result, Diagnosis: c.Diagnosis}
				for _, name := range c.Claims {
					for _, i := range index.of(name) {
						r.Claims[i].Conditions = append(r.Claims[i].Conditions, cc)
					}
				}
			}
		}
	}
	fileSnippets(r, pt, index, opts.Providers)
}

// fileSnippets lists under each claim the conditions it would satisfy, in
// provider order. Counted first, so that the lists are cut from one
// array: grown one by one, they cost twice the memory.
func fileSnippets(r *Report, pt policy.Token, index claimIndex, providers []policy.Provider) {
	lists := make([][]policy.Snippet, len(providers))
	counts := make([]int, len(r.Claims))
	total := 0
	for k, p := range providers {
		lists[k] = capSnippets(p.Snippets(pt))
		for _, sn := range lists[k] {
			for _, i := range index.of(sn.Claim) {
				counts[i]++
				total++
			}
		}
	}
	all := make([]policy.Snippet, 0, total)
	for i, n := range counts {
		if n > 0 {
			r.Claims[i].WouldSatisfy, all = all[:0:n], all[n:n:cap(all)]
		}
	}
	for _, sns := range lists {
		for _, sn := range sns {
			for _, i := range index.of(sn.Claim) {
				r.Claims[i].WouldSatisfy = append(r.Claims[i].WouldSatisfy, sn)
			}
		}
	}
}

// maxSnippets bounds one provider's ready-to-paste conditions for one
// claim: an aud array of 100,000 entries would otherwise become 100,000
// snippets and a report of tens of megabytes.
const maxSnippets = 4

func capSnippets(in []policy.Snippet) []policy.Snippet {
	if len(in) <= maxSnippets {
		return in
	}
	if !overSnippets(in) {
		return in // the usual case: nothing to drop, nothing to copy
	}
	count := make(map[string]int, len(in))
	out := make([]policy.Snippet, 0, len(in))
	last := map[string]int{} // claim → index in out of its last kept snippet
	for _, sn := range in {
		count[sn.Claim]++
		if count[sn.Claim] > maxSnippets {
			continue
		}
		last[sn.Claim] = len(out)
		out = append(out, sn)
	}
	for claim, n := range count {
		if n > maxSnippets {
			sn := &out[last[claim]]
			sn.Note = strings.TrimSpace(sn.Note + fmt.Sprintf(" (%d more like these not shown)", n-maxSnippets))
		}
	}
	return out
}

// overSnippets reports whether a claim has more than maxSnippets of in. A
// provider's few dozen are compared with each other, which allocates
// nothing: the map for counting them cost a page of memory per run.
func overSnippets(in []policy.Snippet) bool {
	const fewSnippets = 64
	if len(in) > fewSnippets {
		count := make(map[string]int, len(in))
		for _, sn := range in {
			if count[sn.Claim]++; count[sn.Claim] > maxSnippets {
				return true
			}
		}
		return false
	}
	for i, sn := range in {
		n := 1
		for _, later := range in[i+1:] {
			if later.Claim == sn.Claim {
				n++
			}
		}
		if n > maxSnippets {
			return true
		}
	}
	return false
}

// claimIndex finds a claim's places in the report's list: one for almost
// every claim, several when the token repeats a name. (A map of slices
// cost an allocation per claim; a 1 MiB token has tens of thousands.)
type claimIndex struct {
	first map[string]int   // name → its first index
	more  map[string][]int // every index, only for repeated names
	pos   []int            // pos[i] == i, so one index is a slice without allocating
}

func newClaimIndex(cs []Claim) claimIndex {
	x := claimIndex{first: make(map[string]int, len(cs)), pos: make([]int, len(cs))}
	for i, c := range cs {
		x.pos[i] = i
		j, seen := x.first[c.Name]
		if !seen {
			x.first[c.Name] = i
			continue
		}
		if x.more == nil {
			x.more = map[string][]int{}
		}
		if _, ok := x.more[c.Name]; !ok {
			x.more[c.Name] = []int{j}
		}
		x.more[c.Name] = append(x.more[c.Name], i)
	}
	return x
}

// of returns the indexes of the claims named name, in token order.
func (x claimIndex) of(name string) []int {
	if all, ok := x.more[name]; ok {
		return all
	}
	if i, ok := x.first[name]; ok {
		return x.pos[i : i+1 : i+1]
	}
	return nil
}
