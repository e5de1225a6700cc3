package providererrors

// awsEntries: STS's AssumeRoleWithWebIdentity answers, as
// aws-actions/configure-aws-credentials prints them ("Could not assume
// role with OIDC: <message>") and as the AWS CLI and SDKs do
// ("An error occurred (<Code>) when calling the AssumeRoleWithWebIdentity
// operation: <message>").
func awsEntries() []Entry {
	const threads = "configure-aws-credentials issues #452, #672, #775, #1024, #1100, #1309; STS API reference, AssumeRoleWithWebIdentity errors"
	return []Entry{
		{
			ID: "aws.not-authorized", Provider: "aws", Code: "AccessDenied",
			Title:   "the role's trust policy does not allow this token",
			Text:    "Not authorized to perform sts:AssumeRoleWithWebIdentity",
			Meaning: "STS found the OIDC provider and checked the token's signature, issuer and audience, then evaluated the role's trust policy: no Allow statement matched (or a Deny did). AWS gives the same answer for every condition, a missing OIDC provider principal and a role ARN that is not a role, so the message alone cannot say which.",
			Claims:  []string{"sub", "aud", "repository", "job_workflow_ref", "environment", "ref"},
			Fields:  []string{"Statement[].Principal.Federated", "Statement[].Action", "Statement[].Condition"},
			Check: []string{
				"paste the token or the role's trust policy: oidcscope names the condition that fails",
				"sub's form: a job with environment: gets repo:OWNER/REPO:environment:NAME, a pull request repo:OWNER/REPO:pull_request, otherwise …:ref:refs/heads/BRANCH or …:ref:refs/tags/TAG; repositories with immutable subjects get repo:OWNER@ID/REPO@ID:…",
				"StringEquals and StringLike are case-sensitive: owner and repository names as GitHub spells them",
				"the Principal is arn:aws:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com and the Action sts:AssumeRoleWithWebIdentity",
				"role-to-assume is a role ARN (…:role/NAME), not the OIDC provider's ARN",
			},
			Source:  threads,
			pattern: `(?i:not authorized to perform):? sts:AssumeRoleWithWebIdentity`,
		},
		{
			ID: "aws.tag-session", Provider: "aws", Code: "AccessDenied",
			Title:   "the trust policy does not allow session tags",
			Text:    "Not authorized to perform sts:TagSession",
			Meaning: "configure-aws-credentials tags the role session with GitHub context by default; the role's trust policy must also allow sts:TagSession for the OIDC principal.",
			Fields:  []string{"Statement[].Action"},
			Check: []string{
				"add sts:TagSession to the Action list of the statement that trusts the GitHub OIDC provider",
				"or set role-skip-session-tagging: true in the action's inputs",
			},
			Source:  "configure-aws-credentials README (session tagging); issue threads",
			pattern: `(?i:not authorized to perform):? sts:TagSession`,
		},
		{
			ID: "aws.no-provider", Provider: "aws", Code: "InvalidIdentityToken",
			Title:   "no IAM OIDC provider for the token's issuer",
			Text:    "No OpenIDConnect provider found in your account for <issuer>",
			Meaning: "The account the role lives in has no IAM OIDC identity provider whose URL equals the token's iss. STS stops before any trust policy.",
			Claims:  []string{"iss"},
			Fields:  []string{"OIDC provider Url"},
			Check: []string{
				"create the IAM OIDC provider with URL https://token.actions.githubusercontent.com (or the enterprise-scoped issuer https://token.actions.githubusercontent.com/SLUG when the enterprise uses one) and audience sts.amazonaws.com, in the role's account",
				"the role ARN names the account that has the provider",
			},
			Source:  "configure-aws-credentials issues #280, #721; STS API reference",
			pattern: `No OpenIDConnect provider found in your account for (?P<iss>\S+?)\.?(?:\s|$)`,
		},
		{
			ID: "aws.audience", Provider: "aws", Code: "InvalidIdentityToken",
			Title:   "the token's aud is not in the OIDC provider's audience list",
			Text:    "Incorrect token audience",
			Meaning: "STS compares the token's aud with the client IDs (audiences) registered on the IAM OIDC provider before it reads the role's trust policy; none matched.",
			Claims:  []string{"aud"},
			Fields:  []string{"OIDC provider ClientIDList"},
			Check: []string{
				"configure-aws-credentials requests aud sts.amazonaws.com unless its audience input says otherwise: add that value to the provider's audiences (aws iam add-client-id-to-open-id-connect-provider), or request one that is listed",
				"paste the output of aws iam get-open-id-connect-provider next to the token: oidcscope checks the list",
			},
			Source:  "configure-aws-credentials issues #775, #1309; STS API reference",
			pattern: `Incorrect token audience`,
		},
		{
			ID: "aws.verification-key", Provider: "aws", Code: "InvalidIdentityToken",
			Title:   "STS could not fetch the issuer's signing keys",
			Text:    "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements",
			Meaning: "STS could not get the key set from the issuer's discovery document, or none of its keys has the token's kid. For GitHub's issuer this is usually transient or a token from an issuer whose keys STS cannot reach (a self-hosted or enterprise server).",
			Claims:  []string{"iss"},
			Fields:  []string{"OIDC provider Url"},
			Check: []string{
				"retry: GitHub rotates keys and STS caches them",
				"for GitHub Enterprise Server the issuer must be reachable from the internet, with its /.well-known/openid-configuration and key set",
			},
			Source:  "configure-aws-credentials issues #672, #1024; STS API reference",
			pattern: `Couldn'?t retrieve verification key from your identity provider`,
		},
		{
			ID: "aws.expired", Provider: "aws", Code: "ExpiredTokenException",
			Title:   "the token had expired when STS read it",
			Text:    "Token expired: current date/time <now> must be before the expiration date/time <exp>",
			Meaning: "The token's exp was in the past when STS received it. GitHub's tokens live about five minutes; a token fetched early in a long job, or cached, expires.",
			Claims:  []string{"exp", "iat"},
			Check:   []string{"request the token right before the step that exchanges it", "check the runner's clock"},
			Source:  "STS API reference (ExpiredTokenException)",
			pattern: `Token expired: current date/time .{1,60}? must be before the expiration date/time`,
		},
		{
			ID: "aws.malformed-policy-sub", Provider: "aws", Code: "MalformedPolicyDocument",
			Title:   "IAM refuses a trust policy that does not scope sub",
			Text:    "Trust policy with trusted principal <provider ARN> must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, <provider>:sub which is not scoped to all.",
			Meaning: "IAM will not save a role that trusts GitHub's OIDC provider without a condition on sub (any repository could assume it).",
			Claims:  []string{"sub"},
			Fields:  []string{"Statement[].Condition"},
			Check:   []string{"add a StringEquals or StringLike condition on token.actions.githubusercontent.com:sub naming your repository, e.g. repo:OWNER/REPO:ref:refs/heads/main; oidcscope suggest prints one for a token"},
			Source:  "github-oidc-and-trust-policies reference §2.4 (observed 2024)",
			pattern: `must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, \S+:sub which is not scoped to all`,
		},
	}
}
