package octosts

import "github.com/oidcscope/oidcscope/internal/closest"

// Top-level keys of a trust policy (TrustPolicy and OrgTrustPolicy at
// octo-sts/app @cb87fc17).
var policyKeys = []string{
	"issuer", "issuer_pattern",
	"subject", "subject_pattern",
	"audience", "audience_pattern",
	"claim_pattern", "permissions", "repositories",
}

// foreignKeys belong to other documents that share words with octo-sts:
// Entra federated credentials (audiences, name, …), octo-sts's own
// trusted-token-issuers.yaml, and the other providers' envelopes. A
// document holding one of them is never an octo-sts trust policy, even
// when a key is a near miss of one of ours ("audiences" ≈ "audience").
var foreignKeys = map[string]bool{
	"audiences": true, "name": true, "description": true, "claimsMatchingExpression": true,
	"id": true, "@odata.context": true, "@odata.type": true, "value": true,
	"issuers": true, "issuer_patterns": true, "mode": true,
	"apiVersion": true, "kind": true, "jwt": true,
	"Version": true, "Statement": true, "Role": true, "Roles": true, "AssumeRolePolicyDocument": true,
	"data": true, "bound_audiences": true, "bound_subject": true, "bound_claims": true,
	"bound_issuer": true, "user_claim": true, "role_type": true,
	"oidc": true, "attributeMapping": true, "attributeCondition": true, "issuerUri": true,
	"allowedAudiences": true, "displayName": true, "state": true, "$schema": true,
}

func isPolicyKey(k string) bool {
	for _, p := range policyKeys {
		if p == k {
			return true
		}
	}
	return false
}

// closestKey is the policy key within two edits of k, or "".
func closestKey(k string) string {
	if len(k) > 40 {
		return ""
	}
	return closest.Match(k, policyKeys, 3)
}
