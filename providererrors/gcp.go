package providererrors

// gcpEntries: Google Cloud's Security Token Service answers (an OAuth
// error code and description, as google-github-actions/auth prints them
// after "failed to generate Google Cloud federated token for <provider>:"),
// and the IAM Credentials answer when the federated identity may not
// impersonate the service account.
func gcpEntries() []Entry {
	const auth = "google-github-actions/auth issues #308, #310 and docs/TROUBLESHOOTING.md; Google Cloud STS token exchange reference"
	return []Entry{
		{
			ID: "gcp.attribute-condition", Provider: "gcp", Code: "unauthorized_client",
			Title:   "the provider's attribute condition is false for this token",
			Text:    "The given credential is rejected by the attribute condition.",
			Meaning: "The workload identity provider accepted the token's issuer, signature and audience, then evaluated its attribute condition (CEL over assertion.*) to false.",
			Claims:  []string{"repository", "repository_owner", "repository_owner_id", "ref", "sub"},
			Fields:  []string{"attributeCondition", "attributeMapping"},
			Check: []string{
				"load the provider (gcloud iam workload-identity-pools providers describe … --format=json) with --policy: oidcscope evaluates the condition on the token and names the false term",
				"CEL string comparison is case-sensitive, and IDs are strings in the token: assertion.repository_owner_id == '65', not == 65",
			},
			Source:  auth,
			pattern: `The given credential is rejected by the attribute condition`,
		},
		{
			ID: "gcp.audience", Provider: "gcp", Code: "invalid_grant",
			Title:   "the token's aud is not one the provider allows",
			Text:    "The audience in ID Token [<aud>] does not match the expected audience <expected>.",
			Meaning: "The provider's allowed audiences (or, when it lists none, its full resource name) do not include the token's aud.",
			Claims:  []string{"aud"},
			Fields:  []string{"oidc.allowedAudiences"},
			Check: []string{
				"with no allowed audiences the aud must be https://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER, which is what google-github-actions/auth requests by default",
				"the project is named by number, not ID",
			},
			Source:  auth,
			pattern: `The audience in ID Token \[(?P<aud>[^\]]*)\] does not match the expected audience`,
		},
		{
			ID: "gcp.issuer", Provider: "gcp", Code: "invalid_grant",
			Title:   "the token's issuer is not the provider's",
			Text:    "The issuer in ID Token <iss> does not match the expected ones: <issuerUri>",
			Meaning: "The provider's oidc.issuerUri differs from the token's iss.",
			Claims:  []string{"iss"},
			Fields:  []string{"oidc.issuerUri"},
			Check:   []string{"issuerUri is https://token.actions.githubusercontent.com (no trailing slash), or the enterprise-scoped issuer when the enterprise uses one"},
			Source:  auth,
			pattern: `The issuer in ID Token \[?(?P<iss>[^\s\]]*)\]? does not match the expected ones`,
		},
		{
			ID: "gcp.subject-too-long", Provider: "gcp", Code: "invalid_request",
			Title:   "the mapped google.subject is longer than 127 bytes",
			Text:    "The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes.",
			Meaning: "google.subject (usually assertion.sub) must fit in 127 bytes; long branch or environment names, customised sub templates and immutable subjects push it over.",
			Claims:  []string{"sub"},
			Fields:  []string{"attributeMapping[google.subject]"},
			Check:   []string{"map a shorter value, e.g. assertion.sub.split(':')[1] or an ID such as 'repo:' + assertion.repository_id"},
			Source:  "github-oidc-and-trust-policies reference §4 (G5)",
			pattern: `The size of mapped attribute google\.subject exceeds the 127 bytes limit`,
		},
		{
			ID: "gcp.invalid-target", Provider: "gcp", Code: "invalid_target",
			Title:   "the pool or provider does not exist or is disabled",
			Text:    `The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.`,
			Meaning: "The workload_identity_provider given to the login step names no active provider; STS never evaluated the token.",
			Fields:  []string{"workload_identity_provider"},
			Check:   []string{"workload_identity_provider is projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER, with the project number, and both pool and provider are enabled"},
			Source:  "google-github-actions/auth issue #161",
			pattern: `The target service indicated by the "audience" parameters is invalid`,
		},
		{
			ID: "gcp.get-access-token", Provider: "gcp", Code: "PERMISSION_DENIED",
			Title:   "the federated identity may not impersonate the service account",
			Text:    "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
			Meaning: "The token exchange worked; the service account's IAM policy does not grant roles/iam.workloadIdentityUser to the principal or principalSet this token maps to.",
			Claims:  []string{"sub", "repository"},
			Fields:  []string{"service account IAM binding (principal / principalSet member)"},
			Check: []string{
				"grant roles/iam.workloadIdentityUser on the service account to principalSet://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO (or the subject/attribute you mapped)",
				"the attribute in the member must be mapped in the provider",
			},
			Source:  "google-github-actions/auth docs/TROUBLESHOOTING.md; issue #243",
			pattern: `Permission '?iam\.serviceAccounts\.getAccessToken'? denied on resource`,
		},
	}
}
