package vault

import "github.com/oidcscope/oidcscope/policy"

var _ policy.AudienceHinter = (*role)(nil)

// Audiences are the role's bound_audiences: Vault accepts a token whose aud
// holds one of them. A role without any refuses every token that carries
// an aud, as GitHub's always do, so it names none.
func (r *role) Audiences() []string {
	if r.shapeErr != "" || r.audErr != "" {
		return nil
	}
	return policy.AppendAudiences(nil, r.audiences...)
}
