package oidcprovider

import (
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Answer is the error STS returns for res when the provider check decides
// it: res is an IAM OIDC provider document's result, or a trust policy's
// that CheckTrust found refused before STS reads it. STS stops there with
// its own error, not the trust policy's "Not authorized". found reports
// whether res is either; answer is "" where the check does not refuse
// (a document for another issuer, or an allowing one).
func Answer(res policy.Result) (answer string, found bool) {
	// Evaluate and CheckTrust quote STS's error raw (escape.Quoted) in
	// the summary, so it cannot be read back by its quotes (the issuer in
	// it may hold one): each error STS can give for res is looked for
	// whole, and the first in the summary is the answer.
	at := -1
	for _, a := range answers(res) {
		if i := strings.Index(res.Summary, escape.Quoted(a)); i >= 0 && (at < 0 || i < at) {
			answer, at = a, i
		}
	}
	if at >= 0 {
		return answer, true
	}
	return "", isDocument(res)
}

// answers are the errors STS can give for res: the audience errors, and
// for each issuer a condition of res read, that there is no provider for it.
func answers(res policy.Result) []string {
	out := []string{errAudience, errNoAudience}
	for _, c := range res.Conditions {
		if len(c.Claims) == 1 && c.Claims[0] == "iss" && !c.Absent {
			out = append(out, noProvider(c.Actual))
		}
	}
	return out
}

// isDocument: res is a provider document's result, whose first condition
// Evaluate names after the document's field.
func isDocument(res policy.Result) bool {
	if res.Provider != policy.AWS || len(res.Conditions) == 0 || res.Conditions[0].Group != "" {
		return false
	}
	e := res.Conditions[0].Expression
	return strings.HasPrefix(e, "Url: ") || strings.HasPrefix(e, "OpenIDConnectProviderList: ")
}
