package entra

import "github.com/oidcscope/oidcscope/policy"

var _ policy.AudienceHinter = (*credential)(nil)

// Audiences is the credential's audience (Entra takes exactly one, matched
// exactly), or api://AzureADTokenExchange, which Azure/login requests, when
// the credential does not say. A credential that cannot be read names none.
func (c *credential) Audiences() []string {
	if c.shapeErr != "" {
		return nil
	}
	if c.audErr != "" || len(c.audiences) == 0 {
		return []string{AzureAudience}
	}
	return policy.AppendAudiences(nil, c.audiences...)
}
