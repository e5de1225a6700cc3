package oidcprovider

import (
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// stsCode begins every error of sts.go this package quotes in a summary.
const stsCode = "InvalidIdentityToken: "

// Answer is the error STS returns for res when the provider check decides
// it: res is an IAM OIDC provider document's result, or a trust policy's
// that CheckTrust found refused before STS reads it. STS stops there with
// its own error, not the trust policy's "Not authorized". found reports
// whether res is either; answer is "" where the check does not refuse
// (a document for another issuer, or an allowing one).
func Answer(res policy.Result) (answer string, found bool) {
	// Evaluate and CheckTrust quote STS's error (%q) in the summary.
	if i := strings.Index(res.Summary, `"`+stsCode); i >= 0 {
		if q, err := strconv.QuotedPrefix(res.Summary[i:]); err == nil {
			if s, err := strconv.Unquote(q); err == nil {
				return s, true
			}
		}
	}
	return "", isDocument(res)
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
