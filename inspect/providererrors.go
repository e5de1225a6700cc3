package inspect

import (
	"slices"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/providererrors"
)

// ProviderError is a provider's error message found in the input (a
// pasted message, a step's output, a whole job log), with what the loaded
// policies of that provider say about it.
type ProviderError struct {
	Match providererrors.Match
	// Partials, without a token: each policy of the message's provider
	// evaluated on the values the message carries, as a partial token.
	// Empty when the message carries none or no such policy is loaded.
	Partials []providererrors.Partial
	// Failing, with a token: the indexes in Report.Policies of the
	// message's provider's results that do not allow, whose failing
	// conditions are the likely cause of the error.
	Failing []int
	// Loaded is how many policies of the message's provider are loaded:
	// none, and the report asks for them.
	Loaded int
}

// PolicyLister is a Policies that can hand out its parsed policies, which
// a message's values are evaluated against without a token. A Policies
// that is not one gets no partial evaluation.
type PolicyLister interface {
	Policies() []policy.Policy
}

// findProviderErrors files the catalogued error messages in the input.
// A token found alone (only whitespace, quotes or a prefix around it) is
// not searched: there is no text around it to hold a message.
func findProviderErrors(r *Report, opts Options) {
	if r.Token != nil && !slices.Contains(r.Token.Input.Stripped, decode.StripSurroundingText) {
		return
	}
	for _, m := range providererrors.Find(string(opts.Input)) {
		pe := ProviderError{Match: m}
		if r.Token != nil {
			for i, res := range r.Policies {
				if res.Provider != m.Entry.Provider {
					continue
				}
				pe.Loaded++
				if res.Verdict != policy.Allow {
					pe.Failing = append(pe.Failing, i)
				}
			}
		} else if lister, ok := opts.Policies.(PolicyLister); ok {
			pols := lister.Policies()
			for _, p := range pols {
				if p.Provider() == m.Entry.Provider {
					pe.Loaded++
				}
			}
			if len(m.Claims) > 0 {
				// The only error is a message that carries no values,
				// which is ruled out here.
				pe.Partials, _ = providererrors.EvaluatePartial(m, pols)
			}
		}
		r.ProviderErrors = append(r.ProviderErrors, pe)
	}
}
