package view

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// FailedCheckOf is the mark of the failed check that judges the claim
// named name, if one failed: exp, nbf, iat, iss and aud judge the claim of
// their name; the others (signature, alg, weak key) are about the header
// and the key, whatever a payload names its claims. A claim's row shows it
// so that, e.g., an expired token's exp never reads as fine.
func FailedCheckOf(r *inspect.Report, name string) (Mark, bool) {
	switch name {
	case "exp", "nbf", "iat", "iss", "aud":
	default:
		return Mark{}, false
	}
	for _, c := range r.Verify.Checks {
		if c.Status == verify.Fail && c.Name == name {
			return CheckMark(c.Status), true
		}
	}
	return Mark{}, false
}
