package view

import (
	"cmp"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// Snippet is a condition ready to paste, escaped: Text keeps its own line
// breaks (escape.Document) and every other control is made visible.
type Snippet struct {
	Provider, ProviderName string
	Claim, Note            string
	Text                   string
}

// Snippets are sns as blocks.
func Snippets(sns []policy.Snippet) []Snippet {
	var out []Snippet
	for _, sn := range sns {
		out = append(out, Snippet{
			Provider: sn.Provider, ProviderName: ProviderName(sn.Provider),
			Claim: shown(sn.Claim), Note: shown(cmp.Or(sn.Note, noteless(sn))), Text: escape.Document(sn.Text),
		})
	}
	return out
}

// noteless heads a snippet that names no claim and says nothing of
// itself: a change to the document as a whole.
func noteless(sn policy.Snippet) string {
	if sn.Claim == "" {
		return "a change to the document"
	}
	return ""
}

// ProviderName is a provider's display name; "?" when a result has none.
func ProviderName(id string) string {
	if id == "" {
		return "?"
	}
	return policy.ProviderName(id)
}

// InsteadTitle heads the conditions a token satisfies in place of a
// denied policy's failing ones, in every rendering.
func InsteadTitle(providerName string) string {
	return "Conditions this token satisfies instead (" + providerName + ", ready to paste):"
}

// InsteadCaution follows InsteadTitle: what the block offers lets this
// token in, which may be exactly what the policy means to keep out.
const InsteadCaution = "Paste one only if this token's job should be let in; a deny may be the policy doing its job."

// Instead are, for the claims a policy's failing conditions read, the
// conditions of that provider this token satisfies, ready to paste: the
// other half of "why does it deny?" is "what would let it in?".
func Instead(r *inspect.Report, p policy.Result) []Snippet {
	return Snippets(InsteadSnippets(r, p))
}

// InsteadSnippets are Instead's conditions as the token has them, not
// escaped for a screen: what a copy puts on the clipboard (policy's
// Result.Instead over every claim's snippets, in the token's order).
func InsteadSnippets(r *inspect.Report, p policy.Result) []policy.Snippet {
	var satisfied []policy.Snippet
	for _, c := range r.Claims {
		satisfied = append(satisfied, c.WouldSatisfy...)
	}
	return p.Instead(satisfied)
}

// AllSuggestions are, with no policy loaded, every provider's conditions
// the token satisfies, grouped by provider in the providers' order.
func AllSuggestions(r *inspect.Report) [][]Snippet {
	byProvider := map[string][]policy.Snippet{}
	for _, c := range r.Claims {
		for _, sn := range c.WouldSatisfy {
			byProvider[sn.Provider] = append(byProvider[sn.Provider], sn)
		}
	}
	var out [][]Snippet
	for _, p := range policy.ProviderIDs() {
		if items := byProvider[p]; len(items) > 0 {
			out = append(out, Snippets(items))
		}
	}
	return out
}
