package pypi

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// base is a token warehouse's tests would build for the publisher
// foo/bar, baz.yml, owner ID 1234 (tests/unit/oidc/models/test_github.py).
const base = `{"aud":"pypi","iss":"https://token.actions.githubusercontent.com","iat":1700000000,"nbf":1700000000,"exp":1700000300,
"jti":"6e67b1cb-2b8d-4be5-91cb-757edb2ec970","event_name":"push","ref":"refs/heads/main","sha":"somesha",
"repository":"foo/bar","repository_owner":"foo","repository_owner_id":"1234",
"job_workflow_ref":"foo/bar/.github/workflows/baz.yml@refs/heads/main","workflow_ref":"foo/bar/.github/workflows/baz.yml@refs/heads/main"}`

const doc = "registry: pypi\nowner: foo\nrepository: bar\nworkflow: baz.yml\nowner_id: \"1234\"\n"

func withEnv(env string) string { return doc + "environment: " + env + "\n" }

func pub(reason string) string {
	return "PyPI answers `invalid-publisher`: valid token, but no corresponding publisher (" + reason + ")"
}

const notFoundText = "Publisher with matching claims was not found"

func TestPyPICases(t *testing.T) {
	publishertest.Run(t, publisher.NewProvider(Registry()), base, []publishertest.Case{
		// test_github.py test_github_publisher_verifies: every claim as the publisher says.
		{Name: "verifies", Doc: doc, Verdict: policy.Allow},

		// test_github.py test_github_publisher_job_workflow_ref: the okay rows.
		{Name: "tag ref", Doc: doc, Claims: map[string]string{"ref": `"refs/tags/v0.0.1"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@refs/tags/v0.0.1"`}, Verdict: policy.Allow},
		{Name: "ref without trailing slash", Doc: doc, Claims: map[string]string{"ref": `"notrailingslash"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@notrailingslash"`}, Verdict: policy.Allow},
		{Name: "sha instead of ref", Doc: doc, Claims: map[string]string{"ref": `"someref"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@somesha"`}, Verdict: policy.Allow},
		{Name: "sha with an empty ref", Doc: doc, Claims: map[string]string{"ref": `""`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@somesha"`}, Verdict: policy.Allow},

		// test_github.py test_github_publisher_job_workflow_ref: the bad rows.
		{Name: "ref and sha empty", Doc: doc, Claims: map[string]string{"ref": `""`, "sha": `""`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@missing"`},
			Verdict: policy.Deny, Answer: pub("The ref and sha claims are empty")},
		{Name: "impersonated ref", Doc: doc, Claims: map[string]string{"ref": `"somesha"`, "sha": `"notrailingslash"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@fake.yml@notrailingslash"`},
			Verdict: policy.Deny, Answer: pub("The job_workflow_ref claim does not match, expecting one of ['foo/bar/.github/workflows/baz.yml@notrailingslash', 'foo/bar/.github/workflows/baz.yml@somesha'], got 'foo/bar/.github/workflows/baz.yml@fake.yml@notrailingslash'")},
		{Name: "missing tail", Doc: doc, Claims: map[string]string{"ref": `"somesha"`, "sha": `"notrailingslash"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@"`},
			Verdict: policy.Deny, Answer: pub("The job_workflow_ref claim does not match, expecting one of ['foo/bar/.github/workflows/baz.yml@notrailingslash', 'foo/bar/.github/workflows/baz.yml@somesha'], got 'foo/bar/.github/workflows/baz.yml@'")},
		{Name: "double at", Doc: doc, Claims: map[string]string{"ref": `"somesha"`, "sha": `"notrailingslash"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@@"`},
			Verdict: policy.Deny, Answer: pub("The job_workflow_ref claim does not match, expecting one of ['foo/bar/.github/workflows/baz.yml@notrailingslash', 'foo/bar/.github/workflows/baz.yml@somesha'], got 'foo/bar/.github/workflows/baz.yml@@'")},

		// test_github.py test_lookup_fails_invalid_workflow_ref.
		{Name: "no workflow file in job_workflow_ref", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"foo/bar/.github/workflows/.yml@refs/heads/main"`},
			Verdict: policy.Deny, Answer: pub("Could not job extract workflow filename from OIDC claims")},
		// test_github.py test_lookup_escapes: file names are compared literally, no LIKE wildcards.
		{Name: "underscore is not a dash", Doc: "registry: pypi\nowner: foo\nrepository: bar\nworkflow: release-pypi.yml\n",
			Claims:  map[string]string{"job_workflow_ref": `"foo/bar/.github/workflows/release_pypi.yml@refs/heads/main"`},
			Verdict: policy.Deny, Answer: pub(notFoundText)},
		{Name: "percent is not a wildcard", Doc: "registry: pypi\nowner: foo\nrepository: bar\nworkflow: release%pypi.yml\n",
			Claims:  map[string]string{"job_workflow_ref": `"foo/bar/.github/workflows/release-pypi.yml@refs/heads/main"`},
			Verdict: policy.Deny, Answer: pub(notFoundText)},

		// test_github.py test_lookup_no_matching_publishers.
		{Name: "another environment", Doc: withEnv("environment"), Claims: map[string]string{"environment": `"another_environment"`},
			Verdict: policy.Deny, Answer: pub(notFoundText)},
		// test_github.py test_github_publisher_environment_claim.
		{Name: "environment ignoring case", Doc: withEnv("some-environment"), Claims: map[string]string{"environment": `"sOmE-eNvIrOnMeNt"`}, Verdict: policy.Allow},
		// Python's str.lower() does not fold ſ (long s) to s; Go's
		// EqualFold would.
		{Name: "environment differing by a long s", Doc: withEnv("staging"), Claims: map[string]string{"environment": `"ſtaging"`}, Verdict: policy.Deny, Answer: pub(notFoundText)},
		{Name: "publisher without environment, token with one", Doc: doc, Claims: map[string]string{"environment": `"some-environment"`}, Verdict: policy.Allow},
		{Name: "publisher environment, token without", Doc: withEnv("some-environment"), Verdict: policy.Deny, Answer: pub(notFoundText)},

		// test_github.py test_check_event_name_invalid; every other event passes.
		{Name: "pull_request_target", Doc: doc, Claims: map[string]string{"event_name": `"pull_request_target"`},
			Verdict: policy.Deny, Answer: pub("Publishing from a workflow invoked via 'pull_request_target' is not supported.")},
		{Name: "pull_request passes", Doc: doc, Claims: map[string]string{"event_name": `"pull_request"`}, Verdict: policy.Allow},

		// test_github.py test_github_publisher_missing_claims.
		{Name: "missing jti", Doc: doc, Claims: map[string]string{"jti": ""}, Verdict: policy.Deny, Answer: pub("Missing claim 'jti'")},
		{Name: "missing sha", Doc: doc, Claims: map[string]string{"sha": ""}, Verdict: policy.Deny, Answer: pub("Missing claim 'sha'")},

		// services.py verify_jwt_signature: strict_aud, one audience.
		{Name: "two audiences", Doc: doc, Claims: map[string]string{"aud": `["pypi","sts.amazonaws.com"]`},
			Verdict: policy.Deny, Answer: "PyPI answers `invalid-token`: malformed or invalid token"},
		{Name: "TestPyPI audience at PyPI", Doc: doc, Claims: map[string]string{"aud": `"testpypi"`},
			Verdict: policy.Deny, Answer: "PyPI answers `invalid-token`: malformed or invalid token"},
		{Name: "TestPyPI", Doc: "registry: testpypi\nowner: foo\nrepository: bar\nworkflow: baz.yml\n", Claims: map[string]string{"aud": `"testpypi"`}, Verdict: policy.Allow},
		// views.py: an issuer warehouse does not know.
		{Name: "enterprise issuer", Doc: doc, Claims: map[string]string{"iss": `"https://token.actions.githubusercontent.com/avocado-corp"`},
			Verdict: policy.Deny, Answer: "PyPI answers `invalid-payload`: unknown trusted publishing issuer"},

		// github.py lookup_by_claims: owner ID and names by equality.
		{Name: "owner ID differs", Doc: doc, Claims: map[string]string{"repository_owner_id": `"4321"`}, Verdict: policy.Deny, Answer: pub(notFoundText)},
		{Name: "owner case", Doc: doc, Claims: map[string]string{"repository": `"Foo/bar"`}, Verdict: policy.Deny, Answer: pub(notFoundText)},
		{Name: "repository_owner claim differs", Doc: doc, Claims: map[string]string{"repository_owner": `"Foo"`},
			Verdict: policy.Deny, Answer: pub("Check failed for required claim 'repository_owner'")},

		// github.py _check_job_workflow_ref: a reusable workflow from another repository.
		{Name: "reusable workflow from another repository", Doc: doc, Claims: map[string]string{"job_workflow_ref": `"foo/shared/.github/workflows/baz.yml@refs/heads/main"`},
			Verdict: policy.Deny, Answer: pub("The job_workflow_ref claim does not match, expecting one of ['foo/bar/.github/workflows/baz.yml@refs/heads/main', 'foo/bar/.github/workflows/baz.yml@somesha'], got 'foo/shared/.github/workflows/baz.yml@refs/heads/main'")},
		{Name: "same-repository reusable workflow at its own ref", Doc: doc, Claims: map[string]string{"workflow_ref": `"foo/bar/.github/workflows/release.yml@refs/heads/main"`}, Verdict: policy.Allow},
		{Name: "same-repository reusable workflow at another ref", Doc: doc, Claims: map[string]string{"ref": `"refs/tags/v1"`, "job_workflow_ref": `"foo/bar/.github/workflows/baz.yml@refs/heads/main"`},
			Verdict: policy.Deny, Answer: pub("The job_workflow_ref claim does not match, expecting one of ['foo/bar/.github/workflows/baz.yml@refs/tags/v1', 'foo/bar/.github/workflows/baz.yml@somesha'], got 'foo/bar/.github/workflows/baz.yml@refs/heads/main'")},
	})
}
