package cli

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// documents are the terminal UI's loaded policies, which can lose a
// document as well as gain some: a policyset.Set keeps the documents that
// failed inside it, so here they are held apart, and a failed one can be
// unloaded too. Evaluate gives what the Set would: the policies' results
// in load order, then the failures.
type documents struct {
	set    *policyset.Set // the parsed policies
	failed []policy.Result
}

// documentsOf is loaded (a *policyset.Set, documents, or nil) as documents.
func documentsOf(loaded inspect.Policies) *documents {
	switch p := loaded.(type) {
	case *documents:
		return p
	case *policyset.Set:
		return &documents{set: policyset.FromPolicies(p.Policies()...), failed: p.Failures()}
	}
	return &documents{set: policyset.FromPolicies()}
}

// Len is the number of policies and failed documents.
func (d *documents) Len() int { return d.set.Len() + len(d.failed) }

// Evaluate runs every policy against the token, the failed documents
// after them as error results.
func (d *documents) Evaluate(tok policy.Token) []policy.Result {
	return append(d.set.Evaluate(tok), d.failed...)
}

// Policies are the parsed policies, for the values a pasted provider
// error carries to be evaluated against (inspect.PolicyLister).
func (d *documents) Policies() []policy.Policy { return d.set.Policies() }

// Failures are the documents that could not be read, listed as error
// rows (inspect.FailureLister).
func (d *documents) Failures() []policy.Result { return append([]policy.Result(nil), d.failed...) }

// with is d and then added's policies and failures; d is not changed.
func (d *documents) with(added *policyset.Set) *documents {
	return &documents{
		set:    d.set.Merge(policyset.FromPolicies(added.Policies()...)),
		failed: append(append([]policy.Result(nil), d.failed...), added.Failures()...),
	}
}

// without is d less the documents read from source, and how many
// policies and failures went; d is not changed.
func (d *documents) without(source string) (*documents, int) {
	var kept []policy.Policy
	for _, p := range d.set.Policies() {
		if p.Source() != source {
			kept = append(kept, p)
		}
	}
	out := &documents{set: policyset.FromPolicies(kept...)}
	for _, f := range d.failed {
		if f.Source != source {
			out.failed = append(out.failed, f)
		}
	}
	return out, d.Len() - out.Len()
}

// unloadPolicyDocument is the pipeline's inspect.PolicyUnloader.
func unloadPolicyDocument(loaded inspect.Policies, source string) (inspect.Policies, int) {
	return documentsOf(loaded).without(source)
}
