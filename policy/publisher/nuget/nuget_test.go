package nuget

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// base is TokenTestHelper.ValidClaims of NuGetGallery's
// tests/NuGetGallery.Facts/Authentication/Federated/GitHubTokenPolicyValidatorFacts.cs,
// with the issuer and lifetime CreateTestJwt adds; the audience is a
// made-up one (the tests use their own ValidAudience).
const base = `{"iss":"https://token.actions.githubusercontent.com","aud":"https://nuget.example","nbf":1700000000,"iat":1700000000,"exp":1700003600,
"repository_owner":"test-owner","repository_owner_id":"id-123","repository":"test-owner/test-repo","repository_id":"id-456",
"job_workflow_ref":"test-owner/test-repo/.github/workflows/test.yml@refs/heads/main","environment":"production","jti":"test-token-id","event_name":"release"}`

// doc is TokenTestHelper.PermanentPolicyCriteria, created by test-user.
const doc = "registry: nuget\nuser: test-user\naudience: https://nuget.example\nowner: test-owner\nowner_id: id-123\nrepository: test-repo\nrepository_id: id-456\nworkflow: test.yml\nenvironment: production\n"

// temporary is TemporaryPolicyCriteria: no IDs recorded yet.
const temporary = "registry: nuget\nuser: test-user\naudience: https://nuget.example\nowner: test-owner\nrepository: test-repo\nworkflow: test.yml\nenvironment: production\n"

func says(text string) string { return "NuGet answers 401 Unauthorized: " + text }

const noMatch = "NuGet answers 401 Unauthorized: No matching trust policy owned by user 'test-user' was found."

func TestNuGetCases(t *testing.T) {
	publishertest.Run(t, publisher.NewProvider(Registry()), base, []publishertest.Case{
		// TheEvaluatePolicyMethod.ReturnsSuccessForValidPermanentPolicy (with and without environment).
		{Name: "permanent policy", Doc: doc, Verdict: policy.Allow},
		{Name: "permanent policy, no environment", Doc: "registry: nuget\nuser: test-user\naudience: https://nuget.example\nowner: test-owner\nowner_id: id-123\nrepository: test-repo\nrepository_id: id-456\nworkflow: test.yml\n", Verdict: policy.Allow},
		// ReturnsSuccessForValidTemporaryPolicy: the IDs are recorded on first use.
		{Name: "temporary policy", Doc: temporary, Verdict: policy.Allow, Mentions: []string{"not checked offline: the IDs NuGet records on first use"}},

		// RejectsMissingRequiredClaim (each of the five, empty or removed).
		{Name: "missing repository_owner", Doc: doc, Claims: map[string]string{"repository_owner": `""`}, Verdict: policy.Deny,
			Answer: says("The JSON Web Token is missing the required claim 'repository_owner'.")},
		{Name: "missing repository_id", Doc: doc, Claims: map[string]string{"repository_id": ""}, Verdict: policy.Deny,
			Answer: says("The JSON Web Token is missing the required claim 'repository_id'.")},
		{Name: "missing event_name", Doc: doc, Claims: map[string]string{"event_name": `"  "`}, Verdict: policy.Deny,
			Answer: says("The JSON Web Token is missing the required claim 'event_name'.")},

		// RejectsMismatchedClaim: owner, repository and IDs are not disclosable.
		{Name: "mismatched repository_owner", Doc: doc, Claims: map[string]string{"repository_owner": `"mismatched-value"`}, Verdict: policy.Deny, Answer: noMatch,
			Mentions: []string{"the reason it logs: The JSON Web Token claim 'repository_owner' has value 'mismatched-value' which does not match the policy."}},
		{Name: "mismatched repository", Doc: doc, Claims: map[string]string{"repository": `"mismatched-value"`}, Verdict: policy.Deny, Answer: noMatch,
			Mentions: []string{"The JSON Web Token claim 'repository' has value 'mismatched-value' which does not match the policy."}},
		{Name: "mismatched repository_owner_id", Doc: doc, Claims: map[string]string{"repository_owner_id": `"mismatched-value"`}, Verdict: policy.Deny, Answer: noMatch},
		{Name: "mismatched repository_id", Doc: doc, Claims: map[string]string{"repository_id": `"mismatched-value"`}, Verdict: policy.Deny, Answer: noMatch},
		// ... and the environment is.
		{Name: "mismatched environment", Doc: doc, Claims: map[string]string{"environment": `"mismatched-value"`}, Verdict: policy.Deny,
			Answer: says("Environment mismatch for policy '<policy name>': expected 'production', actual 'mismatched-value'")},
		{Name: "token without environment", Doc: doc, Claims: map[string]string{"environment": ""}, Verdict: policy.Deny,
			Answer: says("Environment mismatch for policy '<policy name>': expected 'production', actual ''")},
		// RejectsMismatchedWorkflowRefClaim.
		{Name: "mismatched workflow", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"test-owner/test-repo/.github/workflows/mismatched.yml@refs/heads/main"`}, Verdict: policy.Deny,
			Answer: says("Workflow mismatch for policy '<policy name>': expected 'test.yml', actual 'mismatched.yml'")},

		// VerifyCaseSensitivity: the IDs are compared exactly, the rest ignoring case.
		{Name: "owner id upper case", Doc: "registry: nuget\nuser: test-user\nowner: test-owner\nowner_id: ID-123\nrepository: test-repo\nworkflow: test.yml\n", Verdict: policy.Deny, Answer: noMatch},
		{Name: "repository id upper case", Doc: doc, Claims: map[string]string{"repository_id": `"ID-456"`}, Verdict: policy.Deny, Answer: noMatch},
		{Name: "names upper case", Doc: doc, Claims: map[string]string{"repository_owner": `"TEST-OWNER"`, "repository": `"TEST-OWNER/TEST-REPO"`,
			"job_workflow_ref": `"TEST-OWNER/TEST-REPO/.GITHUB/WORKFLOWS/TEST.YML@REFS/HEADS/MAIN"`, "environment": `"PRODUCTION"`}, Verdict: policy.Allow},

		// EvaluatePolicyAsync: job_workflow_ref must start with the policy's repository, so a
		// reusable workflow from another repository is refused.
		{Name: "reusable workflow from another repository", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"test-owner/shared/.github/workflows/test.yml@refs/heads/main"`}, Verdict: policy.Deny,
			Answer:   says("Claim 'job_workflow_ref' has value 'test-owner/shared/.github/workflows/test.yml@refs/heads/main' which does not start with test-owner/test-repo/.github/workflows/."),
			Mentions: []string{"the job runs a reusable workflow from test-owner/shared"}},
		{Name: "job_workflow_ref without @", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"test-owner/test-repo/.github/workflows/test.yml"`}, Verdict: policy.Deny,
			Answer: says("Claim 'job_workflow_ref' has value 'test-owner/test-repo/.github/workflows/test.yml' which does not start with test-owner/test-repo/.github/workflows/.")},

		// FederatedCredentialPolicyEvaluatorFacts: RejectsMissingClaim, RejectsInvalidClaim, RejectsMultipleAudiences.
		{Name: "missing aud", Doc: doc, Claims: map[string]string{"aud": ""}, Verdict: policy.Deny, Answer: says("The JSON web token must have exactly one aud claim value.")},
		{Name: "blank aud", Doc: doc, Claims: map[string]string{"aud": `"  "`}, Verdict: policy.Deny, Answer: says("The JSON web token must have an aud claim.")},
		{Name: "two audiences", Doc: doc, Claims: map[string]string{"aud": `["https://nuget.example","other"]`}, Verdict: policy.Deny, Answer: says("The JSON web token must have exactly one aud claim value.")},
		{Name: "missing iss", Doc: doc, Claims: map[string]string{"iss": ""}, Verdict: policy.Deny, Answer: says("The JSON web token must have an iss claim.")},
		{Name: "iss not a URL", Doc: doc, Claims: map[string]string{"iss": `"foo"`}, Verdict: policy.Deny, Answer: says("The JSON web token iss claim must be a valid HTTPS URL.")},
		{Name: "iss of another host", Doc: doc, Claims: map[string]string{"iss": `"https://localhost/custom"`}, Verdict: policy.Deny, Answer: says("The JSON web token iss claim is not supported.")},
		{Name: "enterprise issuer", Doc: doc, Claims: map[string]string{"iss": `"https://token.actions.githubusercontent.com/avocado-corp"`}, Verdict: policy.Deny,
			Answer: says("The JSON web token could not be validated.")},
		// TheValidateTokenAsyncMethod.RejectsMissingTokenIdentifierClaim.
		{Name: "missing jti", Doc: doc, Claims: map[string]string{"jti": `""`}, Verdict: policy.Deny, Answer: says("The JSON web token must have a jti claim.")},
		// The audience is the deployment's NuGetAudience: checked when the document names it.
		{Name: "incorrect audience", Doc: doc, Claims: map[string]string{"aud": `"https://other.example"`}, Verdict: policy.Deny, Answer: says("The JSON web token has an incorrect audience.")},
		{Name: "audience not named", Doc: "registry: nuget\nowner: test-owner\nrepository: test-repo\nworkflow: test.yml\n", Claims: map[string]string{"aud": `"https://other.example"`}, Verdict: policy.Allow,
			Mentions: []string{"not checked offline: NuGet's audience", `this token's is "https://other.example"`}},
		// RejectsBannedEventName: the list is deployment configuration.
		{Name: "events are not checked offline", Doc: doc, Claims: map[string]string{"event_name": `"bad_one"`}, Verdict: policy.Allow,
			Mentions: []string{"The GitHub Actions event 'bad_one' is not allowed."}},
		// Without user the answer names a placeholder.
		{Name: "no user", Doc: "registry: nuget\nowner: test-owner\nrepository: other\nworkflow: test.yml\n", Verdict: policy.Deny,
			Answer: "NuGet answers 401 Unauthorized: No matching trust policy owned by user '<user>' was found."},
	})
}
