package policy

import "slices"

// Instead are the conditions to paste in place of r's failing ones, the
// other half of "why does it deny?": of satisfied (the snippets the token
// satisfies, for claims it carries), those of r's provider for a claim a
// failing or erroring condition reads, in satisfied's order, then r's
// Fixes, the changes to the document no snippet of the token can say.
func (r Result) Instead(satisfied []Snippet) []Snippet {
	var names []string
	for _, c := range r.Conditions {
		if c.Result == Fail || c.Result == Errored {
			names = append(names, c.Claims...)
		}
	}
	var out []Snippet
	for _, sn := range satisfied {
		if sn.Provider == r.Provider && slices.Contains(names, sn.Claim) {
			out = append(out, sn)
		}
	}
	return append(out, r.Fixes...)
}
