package view

import (
	"slices"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
	"github.com/oidcscope/oidcscope/providererrors"
)

// providerAnswer is the error text p's provider returns when it refuses
// the token for the reason p was denied, from the catalogue, worded
// "AWS answers: …" for the end of the policy's diagnosis; "" when p is
// not denied or oidcscope does not know the text. Entra's results (in
// the summary) and Vault's (in each condition's diagnosis) quote theirs
// already.
func providerAnswer(p policy.Result) string {
	if p.Verdict != policy.Deny {
		return ""
	}
	id := ""
	switch p.Provider {
	case policy.AWS:
		// STS checks the account's IAM OIDC provider first and stops
		// there with its own error (no provider, audience not listed).
		if text, found := oidcprovider.Answer(p); found {
			if text == "" {
				return ""
			}
			return shown(policy.InfoOf(p.Provider).Name + " answers: " + text)
		}
		// Past it, every trust policy condition, aud included, fails the
		// same way.
		id = "aws.not-authorized"
	case policy.GCP:
		// The provider checks the issuer and the audience before the
		// attribute condition, each with its own message.
		id = "gcp.attribute-condition"
		switch {
		case failsOn(p, "iss"):
			id = "gcp.issuer"
		case failsOn(p, "aud"):
			id = "gcp.audience"
		}
	default:
		return ""
	}
	if e, ok := providererrors.ByID(id); ok {
		return shown(policy.InfoOf(p.Provider).Name + " answers: " + e.Text)
	}
	return ""
}

// failsOn: a condition of p reading claim failed.
func failsOn(p policy.Result, claim string) bool {
	return slices.ContainsFunc(p.Conditions, func(c policy.Condition) bool {
		return failed(c.Result) && slices.Contains(c.Claims, claim)
	})
}
