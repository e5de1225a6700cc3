package policy

import "slices"

// Instead are the conditions to paste in place of r's failing ones, the
// other half of "why does it deny?": r's Fixes, the changes to the
// document no snippet of the token can say (first: they aim at what
// failed, and a copy takes the first), then, of satisfied (the snippets
// the token satisfies, for claims it carries), those of r's provider for
// a claim a failing or erroring condition reads, in satisfied's order; a
// fix that says what one of those says is left out.
// Left out, snippets and fixes alike, since pasted in place of a maybe
// narrower condition they would let in more than the token's repository:
// one on an owner-scope claim (OwnerScope: every repository of the owner
// or enterprise), unless its provider never offers one alone
// (pairedWithRepository), and one marked Wide. Left out too: the claims of a
// condition whose failure is the token's side (TokenSide, e.g. an aud
// requested for another provider), which no change to the document should
// undo, unless another failing condition reads them.
func (r Result) Instead(satisfied []Snippet) []Snippet {
	var names, tokenSide []string
	for _, c := range r.Conditions {
		switch {
		case c.Result != Fail && c.Result != Errored:
		case c.TokenSide:
			tokenSide = append(tokenSide, c.Claims...)
		default:
			names = append(names, c.Claims...)
		}
	}
	var shown []Snippet
	for _, sn := range satisfied {
		if !wider(sn) && sn.Provider == r.Provider && slices.Contains(names, sn.Claim) {
			shown = append(shown, sn)
		}
	}
	var out []Snippet
	for _, sn := range r.Fixes {
		if !wider(sn) && (sn.Claim == "" || !slices.Contains(tokenSide, sn.Claim) || slices.Contains(names, sn.Claim)) && !saidBy(shown, sn) {
			out = append(out, sn)
		}
	}
	return append(out, shown...)
}

// wider reports whether sn alone lets in more than the token's repository.
func wider(sn Snippet) bool {
	return sn.Wide || OwnerScope(sn.Claim) && !pairedWithRepository(sn.Provider)
}

// pairedWithRepository reports whether a provider's snippets on an
// owner-scope claim are never a grant on their own (ProviderInfo's
// OwnerPaired).
func pairedWithRepository(provider string) bool {
	p, ok := byID(provider)
	return ok && p.OwnerPaired
}

// saidBy reports whether one of the token's snippets already says what
// the fix sn says: a provider may reach the same line both ways.
func saidBy(shown []Snippet, sn Snippet) bool {
	return slices.ContainsFunc(shown, func(o Snippet) bool { return o.Text == sn.Text })
}
