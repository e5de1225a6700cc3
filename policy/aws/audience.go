package aws

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

var _ policy.AudienceHinter = (*trustPolicy)(nil)

// Audiences are the audiences the role's Allow statements pin with a
// positive condition on the provider's aud key, sts.amazonaws.com first
// when it is among them. Without such a condition STS still checks aud
// against the IAM OIDC provider's client-ID list, which is not in the
// policy: sts.amazonaws.com is what aws-actions/configure-aws-credentials
// requests and what that list holds for GitHub.
func (t *trustPolicy) Audiences() []string {
	if t.broken != nil {
		return nil
	}
	var out []string
	for _, s := range t.statements {
		if s.effect != "Allow" {
			continue
		}
		for _, c := range s.conds {
			if c.kind != keyProvider || c.claim != "aud" || c.negated() || !(c.equality() || c.like()) {
				continue
			}
			for _, v := range c.values {
				// A pattern names no audience to ask for.
				if c.like() && strings.ContainsAny(v, "*?") {
					continue
				}
				out = policy.AppendAudiences(out, v)
			}
		}
	}
	def := policy.InfoOf(policy.AWS).Audience
	if len(out) == 0 {
		return []string{def}
	}
	if i := slices.Index(out, def); i > 0 {
		out = append([]string{def}, slices.Delete(out, i, i+1)...)
	}
	return out
}
