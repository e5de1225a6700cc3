package inspect

import (
	"slices"

	"github.com/oidcscope/oidcscope/verify"
)

// Reverify is r verified again with keys (fetched after r was made with
// none, or re-fetched): the same report Run would have made with these
// keys, at r's instant. Only what reads the verification is redone (the
// checks, the notes on the keys, and the explanation when whether the
// signature holds changed); the policies, which read only the claims, keep
// their results. r is not changed: the UI may still be drawing it.
func Reverify(r *Report, opts Options, keys Keys) *Report {
	if r == nil || r.Token == nil || r.Unsigned != "" {
		return r // claims nobody signed have nothing to verify
	}
	out := *r
	v := verifyToken(r.Token, opts, keys, r.At)
	valid := v.result.Signature.Status == verify.StatusValid
	reexplain := valid != (r.Verify.Signature.Status == verify.StatusValid)
	out.Errors = slices.DeleteFunc(slices.Clone(r.Errors), func(e StageError) bool {
		return e.Stage == StageVerify || (reexplain && e.Stage == StageExplain)
	})
	out.Notes = slices.Clone(opts.Notes)
	if reexplain {
		out.Claims = slices.Clone(r.Claims) // explain rewrites each claim's Info
		if err := explain(&out, r.Token, opts, valid); err != nil {
			out.Errors = append(out.Errors, StageError{Stage: StageExplain, Err: err})
		}
	}
	attachVerification(&out, opts, v)
	return &out
}
