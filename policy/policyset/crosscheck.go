package policyset

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
)

// checkProviders is the one check that spans documents: with IAM OIDC
// provider documents loaded, each AWS trust policy's result gets a
// condition per OIDC provider its Principal.Federated names, saying
// whether the loaded documents show that provider exists (STS's "No
// OpenIDConnect provider found in your account" when the token's does
// not). Without provider documents nothing changes. results[i] is the
// result of pols[i]; only results are written, after every policy has
// been evaluated, so the set stays read-only while policies evaluate.
func checkProviders(pols []policy.Policy, results []policy.Result, tok policy.Token) {
	known := oidcprovider.Collect(pols)
	if known == nil {
		return
	}
	for i, p := range pols {
		trust, ok := p.(aws.FederatedTrust)
		if !ok {
			continue
		}
		fps := trust.FederatedPrincipals()
		principals := make([]oidcprovider.Principal, len(fps))
		for j, fp := range fps {
			principals[j] = oidcprovider.Principal{Statement: fp.Statement, Effect: fp.Effect, ARN: fp.ARN,
				Partition: fp.Partition, Account: fp.Account, Provider: fp.Provider}
		}
		known.CheckTrust(&results[i], principals, tok)
	}
}
