package npm

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// base is a release job's token as the npm CLI requests it for a made-up
// registry host (lib/utils/oidc.js asks for npm:<registry host>; its test,
// test/lib/utils/oidc.js, exchanges per registry: "clears the previous
// registry token when switching registries").
const base = `{"iss":"https://token.actions.githubusercontent.com","aud":"npm:registry.example","nbf":1700000000,"iat":1700000000,"exp":1700000300,
"jti":"example-id","sub":"repo:octo-org/octo-pkg:ref:refs/heads/main","ref":"refs/heads/main","sha":"example-sha","repository":"octo-org/octo-pkg",
"repository_owner":"octo-org","repository_owner_id":"65","repository_id":"74","event_name":"push","runner_environment":"github-hosted",
"workflow_ref":"octo-org/octo-pkg/.github/workflows/publish.yml@refs/heads/main","job_workflow_ref":"octo-org/octo-pkg/.github/workflows/publish.yml@refs/heads/main"}`

// doc is the trusted publisher of the docs' form: Organization or user,
// Repository, Workflow filename.
const doc = "registry: npm\npackage: \"@octo/pkg\"\nowner: octo-org\nrepository: octo-pkg\nworkflow: publish.yml\n"

func withKey(key, value string) string { return doc + key + ": " + value + "\n" }

// says is the answer npm is reported to give, with the mismatch it hides.
func says(mismatch string) string {
	return `npm answers 404 {"message":"OIDC token exchange error - package not found"} (as reported; npm's registry is closed source and names no reason); the mismatch is ` + mismatch
}

const reusable = `"octo-org/shared/.github/workflows/release.yml@refs/heads/main"`

// TestNPMCases: the rows follow the statements of npm's documentation
// (trusted-publishers.mdx: "All fields are case-sensitive and must be
// exact", workflow_call "checks the calling workflow's name", GitHub-hosted
// runners only, environment optional) and the CLI's audience.
func TestNPMCases(t *testing.T) {
	publishertest.Run(t, publisher.NewProvider(Registry()), base, []publishertest.Case{
		{Name: "matching publisher", Doc: doc, Verdict: policy.Allow, Mentions: []string{
			"this token is for the registry at registry.example", "not checked offline: the other claims npm may compare (not confirmed)",
			"not checked offline: token replay (jti) and the registry's clock (not confirmed)", "package.json's repository.url must be exactly https://github.com/octo-org/octo-pkg"}},
		{Name: "any npm host without audience", Doc: doc, Claims: map[string]string{"aud": `"npm:other.example"`}, Verdict: policy.Allow,
			Mentions: []string{"this token is for the registry at other.example"}},
		{Name: "audience named", Doc: withKey("audience", "npm:registry.example"), Verdict: policy.Allow},
		{Name: "audience of another registry", Doc: withKey("audience", "npm:registry.example"), Claims: map[string]string{"aud": `"npm:other.example"`},
			Verdict: policy.Deny, Answer: says("the audience: the npm CLI requests npm:registry.example for that registry")},
		{Name: "cloud audience", Doc: doc, Claims: map[string]string{"aud": `"sts.amazonaws.com"`}, Verdict: policy.Deny,
			Answer: says("the audience: the npm CLI requests npm:<host> for the registry it publishes to")},
		{Name: "bare npm: audience", Doc: doc, Claims: map[string]string{"aud": `"npm:"`}, Verdict: policy.Deny,
			Answer: says("the audience: the npm CLI requests npm:<host> for the registry it publishes to")},
		// npm/cli#9203: an enterprise's unique issuer.
		{Name: "enterprise issuer", Doc: doc, Claims: map[string]string{"iss": `"https://token.actions.githubusercontent.com/avocado-corp"`}, Verdict: policy.Deny,
			Answer: `npm answers 401 {"message":"OIDC token exchange error - unauthorized"} (as reported for an enterprise's unique issuer)`},
		{Name: "self-hosted runner", Doc: doc, Claims: map[string]string{"runner_environment": `"self-hosted"`}, Verdict: policy.Deny,
			Answer: says("the runner: npm's documentation says self-hosted runners are not supported")},
		{Name: "other repository", Doc: doc, Claims: map[string]string{"repository": `"octo-org/other"`}, Verdict: policy.Deny,
			Answer: says("the repository (all fields are case-sensitive and must be exact)")},
		{Name: "owner case", Doc: doc, Claims: map[string]string{"repository": `"Octo-Org/octo-pkg"`}, Verdict: policy.Deny,
			Mentions: []string{"differs only in case: npm compares the repository case-sensitively"},
			Answer:   says("the repository (all fields are case-sensitive and must be exact)")},
		{Name: "workflow file case", Doc: "registry: npm\nowner: octo-org\nrepository: octo-pkg\nworkflow: Publish.yml\n", Verdict: policy.Deny,
			Answer: says("the workflow file name (read from the calling workflow's workflow_ref, case-sensitive)")},
		{Name: "other workflow", Doc: "registry: npm\nowner: octo-org\nrepository: octo-pkg\nworkflow: release.yml\n", Verdict: policy.Deny,
			Answer: says("the workflow file name (read from the calling workflow's workflow_ref, case-sensitive)")},
		// workflow_call: the calling workflow's name is checked.
		{Name: "reusable workflow, caller named", Doc: doc, Claims: map[string]string{"job_workflow_ref": reusable}, Verdict: policy.Allow},
		{Name: "reusable workflow, called file named", Doc: "registry: npm\nowner: octo-org\nrepository: octo-pkg\nworkflow: release.yml\n",
			Claims: map[string]string{"job_workflow_ref": reusable}, Verdict: policy.Deny,
			Mentions: []string{"npm reads the calling workflow's file from workflow_ref (publish.yml), so the trusted publisher must name publish.yml"},
			Answer:   says("the workflow file name (read from the calling workflow's workflow_ref, case-sensitive)")},
		{Name: "publisher without environment, token with one", Doc: doc, Claims: map[string]string{"environment": `"npm"`}, Verdict: policy.Allow},
		{Name: "environment", Doc: withKey("environment", "npm"), Claims: map[string]string{"environment": `"npm"`}, Verdict: policy.Allow},
		{Name: "environment case", Doc: withKey("environment", "npm"), Claims: map[string]string{"environment": `"NPM"`}, Verdict: policy.Deny,
			Answer: says("the environment (all fields are case-sensitive and must be exact)")},
		{Name: "token without environment", Doc: withKey("environment", "npm"), Verdict: policy.Deny,
			Answer: says("the environment (all fields are case-sensitive and must be exact)")},
		{Name: "missing workflow_ref", Doc: doc, Claims: map[string]string{"workflow_ref": ""}, Verdict: policy.Deny,
			Answer: says("the workflow file name (read from the calling workflow's workflow_ref, case-sensitive)")},
		// UNCERTAIN in npm's rules: a pull_request_target run is not refused offline.
		{Name: "pull_request_target is not confirmed", Doc: doc, Claims: map[string]string{"event_name": `"pull_request_target"`}, Verdict: policy.Allow,
			Mentions: []string{"this token is from a pull_request_target run"}},
		// npm/cli#9969: the immutable sub form is reported to fail.
		{Name: "immutable sub is not confirmed", Doc: doc, Claims: map[string]string{"sub": `"repo:octo-org@65/octo-pkg@74:ref:refs/heads/main"`}, Verdict: policy.Allow,
			Mentions: []string{"immutable form (owner@id/repo@id), which an open report (npm/cli#9969) says fails"}},
	})
}
