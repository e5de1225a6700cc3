package policy

import "slices"

// Instead are the conditions to paste in place of r's failing ones, the
// other half of "why does it deny?": r's Fixes, the changes to the
// document no snippet of the token can say (first: they aim at what
// failed, and a copy takes the first), then, of satisfied (the snippets
// the token satisfies, for claims it carries), those of r's provider for
// a claim a failing or erroring condition reads, in satisfied's order.
// Left out: a Wide snippet, which pasted in place of a narrower condition
// would let in more than the token's repository, and the claims of a
// condition whose failure is the token's side (TokenSide), which no
// change to the document should undo.
func (r Result) Instead(satisfied []Snippet) []Snippet {
	var names []string
	for _, c := range r.Conditions {
		if (c.Result == Fail || c.Result == Errored) && !c.TokenSide {
			names = append(names, c.Claims...)
		}
	}
	var out []Snippet
	for _, sn := range r.Fixes {
		if !sn.Wide {
			out = append(out, sn)
		}
	}
	for _, sn := range satisfied {
		if !sn.Wide && sn.Provider == r.Provider && slices.Contains(names, sn.Claim) {
			out = append(out, sn)
		}
	}
	return out
}
