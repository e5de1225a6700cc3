package gcp

import "github.com/oidcscope/oidcscope/policy"

var _ policy.AudienceHinter = (*gcpPolicy)(nil)

// Audiences are oidc.allowedAudiences, or when that list is empty the
// provider's canonical name in the https: form, which is what
// google-github-actions/auth requests by default. A provider whose resource
// name is unknown (a bare providers list entry) names none then.
func (p *gcpPolicy) Audiences() []string {
	if len(p.audiences) > 0 {
		return policy.AppendAudiences(nil, p.audiences...)
	}
	if p.hasRes {
		return p.res.DefaultAudiences()[:1]
	}
	return nil
}
