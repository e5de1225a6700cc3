package providererrors

// sample is one message as a user pastes it (one paste per entry at
// least; TestEveryEntryHasASample keeps it so), with the values it
// carries.
type sample struct {
	paste  string
	claims map[string]string
	extra  map[string]string
}

// samples are written after the messages quoted in the threads and code
// each entry's Source names; the values are made up.
func samples() map[string][]sample {
	return map[string][]sample{
		"aws.not-authorized": {
			{paste: "Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity"},
			{paste: "An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity"},
		},
		"aws.tag-session": {{paste: "Error: Could not assume role with OIDC: User: arn:aws:sts::111122223333:assumed-role/x is not authorized to perform: sts:TagSession"},
			{paste: "Could not assume role with OIDC: Not authorized to perform sts:TagSession"}},
		"aws.no-provider": {{paste: "Error: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com",
			claims: map[string]string{"iss": "https://token.actions.githubusercontent.com"}},
			{paste: "InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com/octo-ent. More text",
				claims: map[string]string{"iss": "https://token.actions.githubusercontent.com/octo-ent"}}},
		"aws.audience":             {{paste: "Error: Could not assume role with OIDC: Incorrect token audience"}},
		"aws.verification-key":     {{paste: "Error: Could not assume role with OIDC: Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"}},
		"aws.expired":              {{paste: "ExpiredTokenException: Token expired: current date/time 1733480000 must be before the expiration date/time 1733479700"}},
		"aws.malformed-policy-sub": {{paste: "An error occurred (MalformedPolicyDocument) when calling the UpdateAssumeRolePolicy operation: Trust policy with trusted principal arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, token.actions.githubusercontent.com:sub which is not scoped to all."}},
		"entra.subject": {{
			paste:  "Error: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:ref:refs/heads/main'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation Trace ID: 8eea681d Correlation ID: d0f0de73 Timestamp: 2026-10-13 14:54:34Z",
			claims: map[string]string{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main"},
		}},
		"entra.subject-case": {{
			paste:  "Error: AADSTS7002138: No matching federated identity record found for presented assertion subject 'repo:Octo-Org/octo-repo:environment:Production'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.",
			claims: map[string]string{"sub": "repo:Octo-Org/octo-repo:environment:Production"},
		}},
		"entra.issuer": {{
			paste:  "AADSTS700211: No matching federated identity record found for presented assertion issuer 'https://token.actions.githubusercontent.com'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.",
			claims: map[string]string{"iss": "https://token.actions.githubusercontent.com"},
		}},
		"entra.audience": {{
			paste:  "AADSTS700212: No matching federated identity record found for presented assertion audience 'sts.amazonaws.com'.",
			claims: map[string]string{"aud": "sts.amazonaws.com"},
		}},
		"entra.no-match": {{
			paste:  "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:octo-org/octo-repo:pull_request'. Assertion Audience: 'api://AzureADTokenExchange'.",
			claims: map[string]string{"iss": "https://token.actions.githubusercontent.com", "sub": "repo:octo-org/octo-repo:pull_request", "aud": "api://AzureADTokenExchange"},
		}, {paste: "AADSTS70021: No matching federated identity record found for presented assertion."}},
		"entra.assertion-expired": {{paste: "AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-12-06T10:00:00Z"}},
		"entra.app-not-found": {{paste: "AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000001' was not found in the directory 'Contoso'.",
			extra: map[string]string{"client_id": "00000000-0000-0000-0000-000000000001"}}},
		"gcp.attribute-condition": {{paste: `google-github-actions/auth failed with: failed to generate Google Cloud federated token for //iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/p/providers/gh: {"error":"unauthorized_client","error_description":"The given credential is rejected by the attribute condition."}`}},
		"gcp.audience": {{paste: `{"error":"invalid_grant","error_description":"The audience in ID Token [https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/p/providers/other] does not match the expected audience https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/p/providers/gh."}`,
			claims: map[string]string{"aud": "https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/p/providers/other"}}},
		"gcp.issuer": {{paste: `{"error":"invalid_grant","error_description":"The issuer in ID Token https://token.actions.githubusercontent.com/octo-ent does not match the expected ones: https://token.actions.githubusercontent.com"}`,
			claims: map[string]string{"iss": "https://token.actions.githubusercontent.com/octo-ent"}}},
		"gcp.subject-too-long":  {{paste: `{"error":"invalid_request","error_description":"The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes."}`}},
		"gcp.invalid-target":    {{paste: `{"error":"invalid_target","error_description":"The target service indicated by the \"audience\" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist."}`}},
		"gcp.get-access-token":  {{paste: `failed to generate Google Cloud access token for sa@p.iam.gserviceaccount.com: {"error":{"code":403,"message":"Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).","status":"PERMISSION_DENIED"}}`}},
		"vault.bound-claim":     {{paste: `Error: failed to retrieve vault token. code: 400, message: {"errors":["error validating claims: claim \"sub\" does not match any associated bound claim values"]}`, extra: map[string]string{"claim": "sub"}}},
		"vault.claim-missing":   {{paste: `{"errors":["error validating claims: claim \"environment\" is missing"]}`, extra: map[string]string{"claim": "environment"}}},
		"vault.bound-subject":   {{paste: `{"errors":["error validating claims: sub claim does not match bound subject"]}`}},
		"vault.audience":        {{paste: `{"errors":["error validating token: invalid audience (aud) claim: audience claim does not match any expected audience"]}`}},
		"vault.no-audiences":    {{paste: `{"errors":["audience claim found in JWT but no audiences bound to the role"]}`}},
		"vault.role-not-found":  {{paste: `{"errors":["role \"deploy\" could not be found"]}`, extra: map[string]string{"role": "deploy"}}},
		"vault.expired":         {{paste: `{"errors":["error validating token: invalid expiration time (exp) claim: token is expired"]}`}},
		"vault.issuer":          {{paste: `{"errors":["error validating token: invalid issuer (iss) claim"]}`}},
		"vault.signature":       {{paste: `{"errors":["error validating token: error verifying token signature: no known key successfully validated the token signature"]}`}},
		"octosts.no-policy":     {{paste: `Error: {"code":5,"message":"unable to find trust policy for \"release\"","details":[]}`, extra: map[string]string{"identity": "release"}}},
		"octosts.subject":       {{paste: `{"code":7,"message":"trust policy: subject \"repo:octo-org/octo-repo:pull_request\" did not match \"repo:octo-org/octo-repo:ref:refs/heads/main\""}`, claims: map[string]string{"sub": "repo:octo-org/octo-repo:pull_request"}, extra: map[string]string{"expected": "repo:octo-org/octo-repo:ref:refs/heads/main"}}},
		"octosts.issuer":        {{paste: `trust policy: issuer "https://token.actions.githubusercontent.com/ent" did not match pattern "https://token\.actions\.githubusercontent\.com"`, claims: map[string]string{"iss": "https://token.actions.githubusercontent.com/ent"}, extra: map[string]string{"expected": `https://token\.actions\.githubusercontent\.com`}}},
		"octosts.audience":      {{paste: `trust policy: audience "octo-sts.dev" did not match any of ["sts.amazonaws.com"]`, extra: map[string]string{"expected": "octo-sts.dev"}}},
		"octosts.claim":         {{paste: `trust policy: claim "ref" did not match "refs/heads/main"`, extra: map[string]string{"claim": "ref", "expected": "refs/heads/main"}}},
		"octosts.claim-missing": {{paste: `trust policy: expected claim "environment" not found in token`, extra: map[string]string{"claim": "environment"}}},
		"pypi.no-publisher":     {{paste: "* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims was not found)"}},
		"pypi.job-workflow-ref": {{paste: "* `invalid-publisher`: valid token, but no corresponding publisher (The job_workflow_ref claim does not match, expecting one of ['octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1', 'octo-org/octo-repo/.github/workflows/release.yml@abc'], got 'octo-org/shared/.github/workflows/publish.yml@refs/heads/main')",
			claims: map[string]string{"job_workflow_ref": "octo-org/shared/.github/workflows/publish.yml@refs/heads/main"}}},
		"pypi.pull-request-target": {{paste: "* `invalid-publisher`: valid token, but no corresponding publisher (Publishing from a workflow invoked via 'pull_request_target' is not supported.)"}},
		"pypi.missing-claim":       {{paste: "* `invalid-publisher`: valid token, but no corresponding publisher (Missing claim 'job_workflow_ref')", extra: map[string]string{"claim": "job_workflow_ref"}}},
		"pypi.environment":         {{paste: "* `invalid-publisher`: valid token, but no corresponding publisher (Check failed for optional claim 'environment')"}},
		"pypi.claims": {{
			paste: "Token request failed: the server refused the request for the following reasons:\n\n* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims was not found)\n\nThis generally indicates a trusted publisher configuration error, but could\nalso indicate an internal error on GitHub or PyPI's part.\n\n\nThe claims rendered below are **for debugging purposes only**. You should **not**\nuse them to configure a trusted publisher unless they already match your expectations.\n\nIf a claim is not present in the claim set, then it is rendered as `MISSING`.\n\n* `sub`: `repo:octo-org/octo-repo:environment:pypi`\n* `repository`: `octo-org/octo-repo`\n* `repository_owner`: `octo-org`\n* `repository_owner_id`: `65`\n* `job_workflow_ref`: `octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0`\n* `ref`: `refs/tags/v1.0`\n* `environment`: `MISSING`",
			claims: map[string]string{"sub": "repo:octo-org/octo-repo:environment:pypi", "repository": "octo-org/octo-repo", "repository_owner": "octo-org", "repository_owner_id": "65",
				"job_workflow_ref": "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0", "ref": "refs/tags/v1.0"},
		}},
		"pypi.reused":                   {{paste: "* `invalid-reuse-token`: invalid token: already used"}},
		"crates.io.no-config":           {{paste: "Error: Failed to retrieve token from Cargo registry. Status: 400. Error: No Trusted Publishing config found for repository `octo-org/octo-crate`.", claims: map[string]string{"repository": "octo-org/octo-crate"}}},
		"crates.io.workflow":            {{paste: "Error: Failed to retrieve token from Cargo registry. Status: 400. Error: The Trusted Publishing config for repository `octo-org/octo-crate` does not match the workflow filename `ci.yml` in the JWT. Expected workflow filenames: `release.yml`", extra: map[string]string{"workflow_file": "ci.yml"}}},
		"crates.io.environment":         {{paste: "The Trusted Publishing config for repository `octo-org/octo-crate` does not match the environment `staging` in the JWT. Expected environments: `release`", claims: map[string]string{"environment": "staging"}}},
		"crates.io.environment-missing": {{paste: "The Trusted Publishing config for repository `octo-org/octo-crate` requires an environment, but the JWT does not specify one. Expected environments: `release`"}},
		"crates.io.owner-id":            {{paste: "The Trusted Publishing config for repository `octo-org/octo-crate` does not match the repository owner ID (66) in the JWT. Expected owner IDs: 65. Please recreate the Trusted Publishing config to update the repository owner ID.", claims: map[string]string{"repository_owner_id": "66"}}},
		"crates.io.event":               {{paste: "Trusted Publishing does not support the `pull_request_target` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.", claims: map[string]string{"event_name": "pull_request_target"}}},
		"crates.io.reused":              {{paste: "Error: Failed to retrieve token from Cargo registry. Status: 400. Error: JWT has already been used"}},
		"rubygems.not-found":            {{paste: "Error: No trusted publisher configured for this workflow found on https://rubygems.example for audience rubygems.org", claims: map[string]string{"aud": "rubygems.org"}}},
		"npm.package-not-found":         {{paste: `npm verbose oidc Failed token exchange request with body message: OIDC token exchange error - package not found`}},
		"npm.unauthorized":              {{paste: `npm verbose oidc Failed token exchange request with body message: OIDC token exchange error - unauthorized`}},
		"npm.id-token-permission":       {{paste: `npm verbose oidc Skipped because incorrect permissions for id-token within GitHub workflow`}},
		// What a failed exchange leaves when the log is not verbose: the
		// publish's own error (npm >= 11.5.1, which trusted publishing needs;
		// older npm's "npm ERR!" prefix too).
		"npm.publish-not-found": {
			{paste: "npm notice Publishing to https://registry.example/ with tag latest and public access\nnpm error code E404\nnpm error 404 Not Found - PUT https://registry.example/@octo-org%2focto-pkg - Not found\nnpm error 404\nnpm error 404  '@octo-org/octo-pkg@1.2.0' is not in this registry.\nnpm error 404\nnpm error 404 Note that you can also install from a\nnpm error 404 tarball, folder, http url, or git url.\nnpm error A complete log of this run can be found in: /home/runner/.npm/_logs/2026-12-06T10_00_00_000Z-debug-0.log"},
			{paste: "npm error code E404\nnpm error 404 Not Found - PUT https://registry.example/@octo-org%2focto-pkg - Not found"},
			{paste: "npm ERR! code E404\nnpm ERR! 404 Not Found - PUT https://registry.example/octo-pkg - Not found"},
		},
		"npm.need-auth": {
			{paste: "npm error code ENEEDAUTH\nnpm error need auth This command requires you to be logged in to https://registry.example/\nnpm error need auth You need to authorize this machine using `npm adduser`\nnpm error A complete log of this run can be found in: /home/runner/.npm/_logs/2026-12-06T10_00_00_000Z-debug-0.log"},
			{paste: "npm error need auth This command requires you to be logged in to https://registry.example/"},
		},
		"nuget.no-policy":        {{paste: "Error: Token exchange failed (HTTP 401) at https://nuget.example/api/v2/token. Make sure you are using the username of the policy creator, not the policy owner: No matching trust policy owned by user 'octo-maintainer' was found.", extra: map[string]string{"user": "octo-maintainer"}}},
		"nuget.workflow":         {{paste: "Workflow mismatch for policy 'release': expected 'release.yml', actual 'ci.yml'", extra: map[string]string{"policy": "release", "expected": "release.yml", "workflow_file": "ci.yml"}}},
		"nuget.environment":      {{paste: "Environment mismatch for policy 'release': expected 'prod', actual 'staging'", claims: map[string]string{"environment": "staging"}, extra: map[string]string{"policy": "release", "expected": "prod"}}},
		"nuget.job-workflow-ref": {{paste: "Claim 'job_workflow_ref' has value 'octo-org/shared/.github/workflows/pub.yml@refs/heads/main' which does not start with octo-org/octo-repo/.github/workflows/.", claims: map[string]string{"job_workflow_ref": "octo-org/shared/.github/workflows/pub.yml@refs/heads/main"}}},
		"nuget.event":            {{paste: "The GitHub Actions event 'pull_request_target' is not allowed.", claims: map[string]string{"event_name": "pull_request_target"}}},
		"jsr.actor":              {{paste: `error: Failed to publish @octo/pkg: actorNotAuthorized: The actor that this request was authenticated for is not authorized to access this resource.`}},
		"jsr.scope-member":       {{paste: `actorNotScopeMember: The actor that this request was authenticated for is not authorized as a scope member for this scope.`}},
		"jsr.invalid-token":      {{paste: `invalidOidcToken: The provided OIDC token is invalid: invalid kid: abc`, extra: map[string]string{"reason": "invalid kid: abc"}}},
		"pub.dev.repository":     {{paste: `The calling GitHub Action is not allowed to publish, because: publishing is not enabled for the "octo-org/other" repository, it may be enabled for another repository.`, claims: map[string]string{"repository": "octo-org/other"}}},
		"pub.dev.event":          {{paste: `The calling GitHub Action is not allowed to publish, because: publishing is only allowed from "push" or "workflow_dispatch" events, this token originates from a "pull_request" event.`, claims: map[string]string{"event_name": "pull_request"}}},
		"pub.dev.ref-type":       {{paste: `The calling GitHub Action is not allowed to publish, because: publishing is only allowed from "tag" refType, this token has "branch" refType.`, claims: map[string]string{"ref_type": "branch"}}},
		"pub.dev.tag-pattern": {{paste: `The calling GitHub Action is not allowed to publish, because: publishing is configured to only be allowed from actions with specific ref pattern, this token has "refs/tags/1.2.3" ref for which publishing is not allowed. Expected tag "v1.2.3". Check that the version in the tag matches the version in "pubspec.yaml"`,
			claims: map[string]string{"ref": "refs/tags/1.2.3"}}},
		"pub.dev.environment": {{paste: `The calling GitHub Action is not allowed to publish, because: publishing is configured to only be allowed from actions with an environment, this token originates from an action running in environment "staging" for which publishing is not allowed.`, claims: map[string]string{"environment": "staging"}}},
		"pub.dev.ids-changed": {{paste: `The calling GitHub Action is not allowed to publish, because: GitHub repository identifiers changed, disabling automated publishing.`}},
	}
}

// nearMisses look like catalogued messages but are not one of them.
func nearMisses() []string {
	return []string{
		"Not authorized to perform sts:AssumeRole",
		"AADSTS700213",
		"AADSTS70021 No matching record",
		"No matching federated identity record found",
		"The given credential is accepted by the attribute condition.",
		`claim "sub" does match the bound claim values`,
		"unable to find a trust policy",
		"trust policy: subject matched",
		"Incorrect token",
		"valid token, but a corresponding publisher exists",
		"package found",
		"The Trusted Publishing config for repository `o/r` matches",
		"publishing is enabled",
		// npm's failures outside a publish: an install or view of a missing
		// package (GET), whoami's "logged in." (no registry named), a dry
		// run's warning, and the bare codes.
		"npm error code E404\nnpm error 404 Not Found - GET https://registry.example/@octo-org%2fmissing - Not found\nnpm error 404\nnpm error 404  '@octo-org/missing@*' is not in this registry.",
		"npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.example/missing - Not found",
		"npm error code E404",
		"404 Not Found - PUT https://registry.example/octo-pkg - Not found",
		"npm error code ENEEDAUTH\nnpm error need auth This command requires you to be logged in.\nnpm error need auth You need to authorize this machine using `npm adduser`",
		"npm warn publish This command requires you to be logged in to https://registry.example/ (dry-run)",
		"npm error code ENEEDAUTH",
		"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
		"",
	}
}
