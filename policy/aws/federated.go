package aws

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// FederatedPrincipal is one IAM OIDC provider a statement of a trust policy
// trusts, for checking that provider against IAM OIDC provider documents
// loaded beside the policy (policy/aws/oidcprovider, policy/policyset).
type FederatedPrincipal struct {
	Statement string // the statement's label, as its conditions' Group
	Effect    string // "Allow" or "Deny"
	// ARN is the Principal.Federated value as written; "*" for a
	// principal that trusts every identity provider ("*", {"AWS":"*"},
	// {"Federated":"*"}), whose other fields are then empty.
	ARN       string
	Partition string // "aws", "aws-cn", "aws-us-gov", …
	Account   string // as written; not checked to be 12 digits
	Provider  string // after "oidc-provider/": the issuer without https://
}

// FederatedTrust is implemented by this package's compiled trust policies.
type FederatedTrust interface {
	policy.Policy
	// FederatedPrincipals lists the IAM OIDC providers named by the
	// statements that cover sts:AssumeRoleWithWebIdentity, in statement
	// order; nothing for a policy that could not be read.
	FederatedPrincipals() []FederatedPrincipal
}

var _ FederatedTrust = (*trustPolicy)(nil)

func (t *trustPolicy) FederatedPrincipals() []FederatedPrincipal {
	if t.broken != nil {
		return nil
	}
	var out []FederatedPrincipal
	for _, s := range t.statements {
		if !s.action.covers {
			continue
		}
		if s.principal.any {
			out = append(out, FederatedPrincipal{Statement: s.group, Effect: s.effect, ARN: "*"})
		}
		for i, arn := range s.principal.arns {
			// compile kept only ARNs oidcProviderPath accepts: six
			// colon-separated parts.
			parts := strings.SplitN(arn, ":", 6)
			out = append(out, FederatedPrincipal{Statement: s.group, Effect: s.effect, ARN: arn,
				Partition: parts[1], Account: parts[4], Provider: s.principal.providers[i]})
		}
	}
	return out
}
