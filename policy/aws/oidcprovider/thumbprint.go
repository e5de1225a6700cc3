package oidcprovider

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// thumbprintCondition is informational, never a failure: AWS checks the
// provider's TLS certificate against its own library of trusted root
// certificate authorities first, and uses the thumbprints only for a
// certificate none of them signed (IAM API Reference,
// UpdateOpenIDConnectProviderThumbprint). oidcscope works offline and
// checks neither; it says which applies.
func (d *getDocument) thumbprintCondition() policy.Condition {
	expr := "ThumbprintList: " + compactList(d.thumbprints)
	c := policy.Condition{Expression: expr, Claims: []string{}, Expected: slices.Clone(d.thumbprints), Result: policy.NotApplied}
	if c.Expected == nil {
		c.Expected = []string{}
	}
	host, _, _ := strings.Cut(d.url, "/")
	switch {
	case host == "token.actions.githubusercontent.com":
		c.Diagnosis = []string{"not used for GitHub's issuer: since 6 July 2023 AWS verifies token.actions.githubusercontent.com with its library of trusted root certificate authorities and keeps these thumbprints only as legacy configuration (AWS's notice, quoted in aws-actions/configure-aws-credentials issue #763 and unfunco/terraform-aws-oidc-github issue #34; the IAM API Reference for UpdateOpenIDConnectProviderThumbprint names GitHub among such providers)"}
	case strings.HasPrefix(host, "token.actions.") && strings.HasSuffix(host, ".ghe.com"):
		c.Diagnosis = []string{"AWS names GitHub among the providers it verifies with its trusted root certificate authorities instead of thumbprints (IAM API Reference, UpdateOpenIDConnectProviderThumbprint) without saying whether that covers GHE.com issuers: either it does and these thumbprints are unused, or AWS compares them with the certificate of the provider's key endpoint; oidcscope works offline and checks neither"}
	default:
		c.Diagnosis = []string{"AWS verifies this provider's key endpoint with its trusted root certificate authorities and uses these thumbprints only when no such authority signed the endpoint's certificate (IAM API Reference, UpdateOpenIDConnectProviderThumbprint), as for a GitHub Enterprise Server with a private CA; a stale thumbprint then fails with \"" + errThumbprint + "\". oidcscope works offline and checks neither"}
	}
	return c
}
