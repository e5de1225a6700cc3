package rubygems

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// base is @claims of RubyGems's
// test/integration/api/v1/oidc/trusted_publisher_controller_test.rb.
const base = `{"aud":"rubygems.org","exp":1680020837,"iat":1680020537,"iss":"https://token.actions.githubusercontent.com",
"jti":"79685b65-945d-450a-a3d8-a36bcf72c23d","nbf":1680019937,"ref":"refs/heads/main","sha":"04de3558bc5861874a86f8fcd67e516554101e71",
"sub":"repo:segiddins/oidc-test:ref:refs/heads/main","actor":"segiddins","run_id":"4545231084","actor_id":"1946610","base_ref":"","head_ref":"",
"ref_type":"branch","workflow":"token","event_name":"push","repository":"segiddins/oidc-test","run_number":"4","run_attempt":"1",
"workflow_ref":"segiddins/oidc-test/.github/workflows/token.yml@refs/heads/main","workflow_sha":"04de3558bc5861874a86f8fcd67e516554101e71",
"repository_id":"620393838","job_workflow_ref":"segiddins/oidc-test/.github/workflows/token.yml@refs/heads/main",
"job_workflow_sha":"04de3558bc5861874a86f8fcd67e516554101e71","repository_owner":"segiddins","runner_environment":"github-hosted",
"repository_owner_id":"1946610","repository_visibility":"public"}`

// doc is the publisher the controller test saves for these claims.
const doc = "registry: rubygems\nowner: segiddins\nrepository: oidc-test\nworkflow: token.yml\nowner_id: \"1946610\"\n"

func withEnv(env string) string { return doc + "environment: " + env + "\n" }

func notFound(mismatch string) string {
	return "RubyGems answers 404 Not Found for any mismatch; the mismatch is " + mismatch
}

// reusable is a caller in cseeman/my-gem running a shared workflow, as in
// the controller test's reusable-workflow cases.
var reusable = map[string]string{"repository": `"cseeman/my-gem"`, "repository_owner": `"cseeman"`,
	"job_workflow_ref": `"rubygems/shared-workflows/.github/workflows/release.yml@refs/heads/main"`}

const reusableDoc = "registry: rubygems\nowner: cseeman\nrepository: my-gem\nworkflow: release.yml\nowner_id: \"1946610\"\nworkflow_repository: rubygems/shared-workflows\n"

func with(m map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for a, b := range m {
		if a != k {
			out[a] = b
		}
	}
	return out
}

func TestRubyGemsCases(t *testing.T) {
	publishertest.Run(t, publisher.NewProvider(Registry()), base, []publishertest.Case{
		// trusted_publisher_controller_test.rb "succeed with matching trusted publisher".
		{Name: "matching publisher", Doc: doc, Verdict: policy.Allow},
		// "return not found with no matching trusted publisher".
		{Name: "no matching publisher", Doc: "registry: rubygems\nowner: segiddins\nrepository: other\nworkflow: token.yml\n",
			Verdict: policy.Deny, Answer: notFound("the repository (compared case-sensitively)")},
		// "return not found when owner has changed".
		{Name: "owner changed", Doc: "registry: rubygems\nowner: segiddins\nrepository: oidc-test\nworkflow: token.yml\nowner_id: \"123\"\n",
			Verdict: policy.Deny, Answer: notFound("the repository owner ID")},
		// "return not found when workflow is from a different ref".
		{Name: "workflow from a different ref", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"segiddins/oidc-test/.github/workflows/token.yml@refs/heads/other"`},
			Verdict: policy.Deny, Answer: notFound("job_workflow_ref: the workflow must run at the run's own ref or sha")},
		// "return not found when audience is wrong"; a list is not the string either.
		{Name: "wrong audience", Doc: doc, Claims: map[string]string{"aud": `"other.com"`}, Verdict: policy.Deny, Answer: notFound("the audience: the access policy requires aud rubygems.org")},
		{Name: "audience list", Doc: doc, Claims: map[string]string{"aud": `["rubygems.org"]`}, Verdict: policy.Deny, Answer: notFound("the audience: the access policy requires aud rubygems.org")},
		// "return not found with an unsupported issuer".
		{Name: "unsupported issuer", Doc: doc, Claims: map[string]string{"iss": `"https://unknown.example.com"`}, Verdict: policy.Deny,
			Answer: notFound("the issuer: RubyGems knows GitHub Actions tokens by the issuer https://token.actions.githubusercontent.com")},
		// "return bad request with missing/invalid #{claim}".
		{Name: "invalid nbf", Doc: doc, Claims: map[string]string{"nbf": `["a"]`}, Verdict: policy.Deny, Answer: "RubyGems answers 400 Bad Request: Missing/invalid nbf"},
		{Name: "missing jti", Doc: doc, Claims: map[string]string{"jti": ""}, Verdict: policy.Deny, Answer: "RubyGems answers 400 Bad Request: Missing/invalid jti"},

		// github_action_test.rb ".for_claims": environment selection.
		{Name: "publisher without environment, token with one", Doc: doc, Claims: map[string]string{"environment": `"other"`}, Verdict: policy.Allow},
		{Name: "environment test", Doc: withEnv("test"), Claims: map[string]string{"environment": `"test"`}, Verdict: policy.Allow},
		{Name: "environment dev is not test", Doc: withEnv("test"), Claims: map[string]string{"environment": `"dev"`}, Verdict: policy.Deny, Answer: notFound("the environment (compared case-sensitively)")},
		{Name: "token without environment", Doc: withEnv("test"), Verdict: policy.Deny, Answer: notFound("the environment (compared case-sensitively)")},
		// access_policy.rb string_equals is Ruby ==.
		{Name: "environment case", Doc: withEnv("test"), Claims: map[string]string{"environment": `"Test"`}, Verdict: policy.Deny, Answer: notFound("the environment (compared case-sensitively)")},
		{Name: "workflow file case", Doc: "registry: rubygems\nowner: segiddins\nrepository: oidc-test\nworkflow: Token.yml\n",
			Verdict: policy.Deny, Answer: notFound("the workflow file name (read from job_workflow_ref, compared case-sensitively)")},

		// "#to_access_policy same-repo workflow uses caller ref and sha".
		{Name: "same-repository workflow at the sha", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"segiddins/oidc-test/.github/workflows/token.yml@04de3558bc5861874a86f8fcd67e516554101e71"`}, Verdict: policy.Allow},

		// Controller test "succeed with matching trusted publisher using reusable workflow"
		// and github_action_test.rb ".for_claims with reusable workflow from different repository".
		{Name: "reusable workflow", Doc: reusableDoc, Claims: reusable, Verdict: policy.Allow},
		// "#to_access_policy with reusable workflow uses reusable workflow refs": any ref of it.
		{Name: "reusable workflow at a tag", Doc: reusableDoc, Claims: with(reusable, "job_workflow_ref", `"rubygems/shared-workflows/.github/workflows/release.yml@refs/tags/v1.0"`), Verdict: policy.Allow},
		// ".for_claims rejects reusable workflow when caller repository does not match".
		{Name: "reusable workflow, other caller", Doc: reusableDoc, Claims: with(reusable, "repository", `"attacker-org/attacker-repo"`),
			Verdict: policy.Deny, Answer: notFound("the repository (compared case-sensitively)")},
		// "return not found when reusable workflow does not match configured workflow_repository".
		{Name: "reusable workflow from another repository", Doc: reusableDoc, Claims: with(reusable, "job_workflow_ref", `"attacker-org/malicious-workflows/.github/workflows/release.yml@refs/heads/main"`),
			Verdict: policy.Deny, Answer: notFound("the workflow's repository: the job runs a reusable workflow from attacker-org/malicious-workflows, not from rubygems/shared-workflows")},
		// "return not found when reusable workflow used but trusted publisher expects same-repo workflow".
		{Name: "reusable workflow, publisher expects its own", Doc: "registry: rubygems\nowner: cseeman\nrepository: my-gem\nworkflow: release.yml\n", Claims: reusable,
			Verdict: policy.Deny, Answer: notFound("the workflow's repository: the job runs a reusable workflow from rubygems/shared-workflows, but the publisher expects a workflow of the repository itself")},
		// "#to_access_policy reusable workflow rejects mismatched prefix" (the file differs here).
		{Name: "reusable workflow, other file", Doc: reusableDoc, Claims: with(reusable, "job_workflow_ref", `"rubygems/shared-workflows/.github/workflows/other.yml@refs/heads/main"`),
			Verdict: policy.Deny, Answer: notFound("job_workflow_ref (RubyGems: \"job_workflow_ref rubygems/shared-workflows/.github/workflows/other.yml@refs/heads/main does not match expected prefix rubygems/shared-workflows/.github/workflows/release.yml@\")")},
		// github_action.rb for_claims: "Invalid job_workflow_ref format".
		{Name: "job_workflow_ref shape", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"token.yml"`},
			Verdict: policy.Deny, Answer: notFound("the shape of job_workflow_ref (RubyGems: \"Invalid job_workflow_ref format\")")},
	})
}
