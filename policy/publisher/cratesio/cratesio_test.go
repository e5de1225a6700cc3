package cratesio

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// base is crates.io's default_claims() in
// src/tests/routes/trustpub/tokens/exchange/github.rs (FullGitHubClaims
// of crates/crates_io_trustpub/src/github/test_helpers.rs): owner
// rust-lang (ID 42), repository foo-rs, workflow publish.yml.
const base = `{"iss":"https://token.actions.githubusercontent.com","nbf":1700000000,"iat":1700000000,"exp":1700001800,"jti":"example-id",
"sub":"repo:rust-lang/foo-rs","aud":"crates.io","ref":"refs/heads/main","sha":"example-sha","repository":"rust-lang/foo-rs",
"repository_owner":"rust-lang","actor_id":"12","repository_visibility":"private","repository_id":"74","repository_owner_id":"42",
"run_id":"example-run-id","run_number":"10","run_attempt":"2","runner_environment":"github-hosted","actor":"octocat","workflow":"example-workflow",
"head_ref":"","base_ref":"","event_name":"push","ref_type":"branch","workflow_ref":"rust-lang/foo-rs/.github/workflows/publish.yml@refs/heads/main",
"job_workflow_ref":"rust-lang/foo-rs/.github/workflows/publish.yml@refs/heads/main"}`

// doc is new_oidc_config(): the crate foo's configuration.
const doc = "registry: crates.io\npackage: foo\nowner: rust-lang\nrepository: foo-rs\nworkflow: publish.yml\nowner_id: \"42\"\n"

func withEnv(env string) string { return doc + "environment: " + env + "\n" }

func says(detail string) string { return "crates.io answers (400 Bad Request): " + detail }

func TestCratesIOCases(t *testing.T) {
	publishertest.Run(t, publisher.NewProvider(Registry()), base, []publishertest.Case{
		// exchange/github.rs test_happy_path, test_happy_path_with_environment,
		// test_happy_path_with_ignored_environment, test_case_insensitive.
		{Name: "happy path", Doc: doc, Verdict: policy.Allow},
		{Name: "with environment", Doc: withEnv("prod"), Claims: map[string]string{"environment": `"prod"`}, Verdict: policy.Allow},
		{Name: "ignored environment", Doc: doc, Claims: map[string]string{"environment": `"prod"`}, Verdict: policy.Allow},
		{Name: "case insensitive", Doc: withEnv("Prod"), Claims: map[string]string{"repository": `"RUST-lanG/foo-RS"`, "repository_owner": `"RUST-lanG"`, "environment": `"PROD"`}, Verdict: policy.Allow},

		// test_invalid_audience; an aud list does not deserialise either (claims.rs).
		{Name: "invalid audience", Doc: doc, Claims: map[string]string{"aud": `"invalid-audience"`}, Verdict: policy.Deny, Answer: says("Failed to decode JWT")},
		{Name: "audience list", Doc: doc, Claims: map[string]string{"aud": `["crates.io"]`}, Verdict: policy.Deny, Answer: says("Failed to decode JWT")},
		// test_unsupported_issuer: no key store for the issuer.
		{Name: "unsupported issuer", Doc: doc, Claims: map[string]string{"iss": `"https://token.actions.githubusercontent.com/avocado-corp"`},
			Verdict: policy.Deny, Answer: says("Unsupported JWT issuer: https://token.actions.githubusercontent.com/avocado-corp")},
		// claims.rs: run_id is required.
		{Name: "missing run_id", Doc: doc, Claims: map[string]string{"run_id": ""}, Verdict: policy.Deny, Answer: says("Failed to decode JWT")},

		// test_invalid_repository, test_invalid_workflow, test_invalid_owner_id.
		{Name: "invalid repository", Doc: doc, Claims: map[string]string{"repository": `"what?"`}, Verdict: policy.Deny, Answer: says("Unexpected `repository` value")},
		{Name: "invalid workflow", Doc: doc, Claims: map[string]string{"workflow_ref": `"what?"`}, Verdict: policy.Deny, Answer: says("Unexpected `workflow_ref` value")},
		{Name: "invalid owner id", Doc: doc, Claims: map[string]string{"repository_owner_id": `"what?"`}, Verdict: policy.Deny, Answer: says("Unexpected `repository_owner_id` value")},

		// test_missing_config.
		{Name: "missing config", Doc: "registry: crates.io\nowner: rust-lang\nrepository: bar-rs\nworkflow: publish.yml\n",
			Verdict: policy.Deny, Answer: says("No Trusted Publishing config found for repository `rust-lang/foo-rs`.")},
		// test_repository_owner_id_mismatch.
		{Name: "owner id mismatch", Doc: "registry: crates.io\nowner: rust-lang\nrepository: foo-rs\nworkflow: publish.yml\nowner_id: \"999\"\n",
			Verdict: policy.Deny, Answer: says("The Trusted Publishing config for repository `rust-lang/foo-rs` does not match the repository owner ID (42) in the JWT. Expected owner IDs: 999. Please recreate the Trusted Publishing config to update the repository owner ID.")},
		// test_workflow_filename_mismatch; the file name is compared case-sensitively.
		{Name: "workflow filename mismatch", Doc: "registry: crates.io\nowner: rust-lang\nrepository: foo-rs\nworkflow: different.yml\n",
			Verdict: policy.Deny, Answer: says("The Trusted Publishing config for repository `rust-lang/foo-rs` does not match the workflow filename `publish.yml` in the JWT. Expected workflow filenames: `different.yml`")},
		{Name: "workflow filename case", Doc: "registry: crates.io\nowner: rust-lang\nrepository: foo-rs\nworkflow: Publish.yml\n",
			Verdict: policy.Deny, Answer: says("The Trusted Publishing config for repository `rust-lang/foo-rs` does not match the workflow filename `publish.yml` in the JWT. Expected workflow filenames: `Publish.yml`")},

		// test_pull_request_target_event_rejected, test_workflow_run_event_rejected.
		{Name: "pull_request_target", Doc: doc, Claims: map[string]string{"event_name": `"pull_request_target"`}, Verdict: policy.Deny,
			Answer: says("Trusted Publishing does not support the `pull_request_target` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.")},
		{Name: "workflow_run", Doc: doc, Claims: map[string]string{"event_name": `"workflow_run"`}, Verdict: policy.Deny,
			Answer: says("Trusted Publishing does not support the `workflow_run` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.")},
		{Name: "pull_request is not blocked", Doc: doc, Claims: map[string]string{"event_name": `"pull_request"`}, Verdict: policy.Allow},

		// test_missing_environment, test_wrong_environment.
		{Name: "missing environment", Doc: withEnv("prod"), Verdict: policy.Deny,
			Answer: says("The Trusted Publishing config for repository `rust-lang/foo-rs` requires an environment, but the JWT does not specify one. Expected environments: `prod`")},
		{Name: "wrong environment", Doc: withEnv("prod"), Claims: map[string]string{"environment": `"not-prod"`}, Verdict: policy.Deny,
			Answer: says("The Trusted Publishing config for repository `rust-lang/foo-rs` does not match the environment `not-prod` in the JWT. Expected environments: `prod`")},

		// exchange/mod.rs reads the calling workflow (workflow_ref): a reusable
		// workflow from any repository publishes when the caller matches, and a
		// configuration naming the called file fails.
		{Name: "reusable workflow, caller configured", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"rust-lang/shared/.github/workflows/release.yml@refs/heads/main"`}, Verdict: policy.Allow},
		{Name: "reusable workflow, called file configured", Doc: "registry: crates.io\nowner: rust-lang\nrepository: foo-rs\nworkflow: release.yml\n",
			Claims:  map[string]string{"job_workflow_ref": `"rust-lang/shared/.github/workflows/release.yml@refs/heads/main"`},
			Verdict: policy.Deny, Answer: says("The Trusted Publishing config for repository `rust-lang/foo-rs` does not match the workflow filename `publish.yml` in the JWT. Expected workflow filenames: `release.yml`")},
	})
}
