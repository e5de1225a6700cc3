package view

import (
	"slices"
	"strings"

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
		text := gcpAnswer(p)
		if text == "" {
			return ""
		}
		return shown(policy.InfoOf(p.Provider).Name + " answers: " + text)
	default:
		return ""
	}
	if e, ok := providererrors.ByID(id); ok {
		return shown(policy.InfoOf(p.Provider).Name + " answers: " + e.Text)
	}
	return ""
}

// gcpAnswer is Google Cloud's refusal of p's token, with the token's
// values where its text names them: the provider checks the issuer, the
// audience, the attribute mappings and then the attribute condition, and
// stops at the first that fails. A mapping that fails for another reason
// than google.subject's size has words oidcscope does not know: "".
func gcpAnswer(p policy.Result) string {
	entry := func(id string) string {
		e, _ := providererrors.ByID(id)
		return e.Text
	}
	for _, step := range []func(c policy.Condition) (string, bool){
		func(c policy.Condition) (string, bool) {
			expected := strings.Join(c.Expected, ", ")
			return strings.NewReplacer("<iss>", c.Actual, "<issuerUri>", expected).Replace(entry("gcp.issuer")), reads(c, "iss")
		},
		func(c policy.Condition) (string, bool) {
			// allowedAudiences, or the provider's default when it is empty.
			expected := strings.Join(c.Expected, ", ")
			return strings.NewReplacer("<aud>", c.Actual, "<expected>", expected).Replace(entry("gcp.audience")), reads(c, "aud")
		},
		func(c policy.Condition) (string, bool) {
			if !strings.HasPrefix(c.Expression, "google.") && !strings.HasPrefix(c.Expression, "attribute.") {
				return "", false
			}
			tooLong := entry("gcp.subject-too-long")
			first, _, _ := strings.Cut(tooLong, ".")
			if slices.ContainsFunc(c.Diagnosis, func(d string) bool { return strings.Contains(d, first) }) {
				return tooLong, true
			}
			return "", true
		},
		func(c policy.Condition) (string, bool) {
			return entry("gcp.attribute-condition"), strings.HasPrefix(c.Expression, "attributeCondition:")
		},
	} {
		for _, c := range p.Conditions {
			if !failed(c.Result) {
				continue
			}
			if text, ok := step(c); ok {
				return text
			}
		}
	}
	return ""
}

// reads: c is the provider's own check of claim (the issuer, the
// audience), not a mapping or the condition that happens to read it.
func reads(c policy.Condition, claim string) bool {
	mapped := strings.HasPrefix(c.Expression, "attribute") || strings.HasPrefix(c.Expression, "google.")
	return !mapped && len(c.Claims) == 1 && c.Claims[0] == claim
}
