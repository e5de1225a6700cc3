package inspect

import "github.com/oidcscope/oidcscope/policy"

// Policies is what the pipeline needs of the loaded policies. The command
// layer passes a *policyset.Set; inspect declares the interface so that it,
// and the renderers importing it for the Report, do not import every
// provider (and cel-go with them).
type Policies interface {
	// Len is the number of policies and failed documents.
	Len() int
	// Evaluate runs every policy against the token, failed documents
	// included as error results, in load order.
	Evaluate(tok policy.Token) []policy.Result
}

// PolicyLoader reads the policy documents at paths and returns them added
// after loaded (which may be nil), with the documents that could not be
// read or recognised as error results. The command layer builds it on
// policyset.Loader; the terminal UI's policy prompt calls it.
type PolicyLoader func(loaded Policies, paths ...string) (Policies, []policy.Result)

// PolicyUnloader returns loaded without the documents read from source,
// and how many policies and failed documents went with them. The command
// layer builds it; the terminal UI's policies pane calls it.
type PolicyUnloader func(loaded Policies, source string) (Policies, int)
