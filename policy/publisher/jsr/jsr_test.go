package jsr

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// versionAud is the version-level permission of api/src/api/authorization.rs
// authorization_with_permissions, for scope "scope" and package "foo" at
// 1.2.3 (the package and version api/src/api/package.rs's publishing tests
// use).
const versionAud = `{"permissions":[{"permission":"package/publish","scope":"scope","package":"foo","version":"1.2.3","tarballHash":"sha256-1234567890"}]}`

// base is a GitHub Actions token as JSR reads it (GitHubClaims in
// api/src/external/github.rs: repository_id, actor_id, aud).
var base = `{"iss":"https://token.actions.githubusercontent.com","aud":` + quote(versionAud) + `,"repository":"octo-org/foo","repository_id":"123456",
"repository_owner":"octo-org","repository_owner_id":"65","actor":"octocat","actor_id":"101","ref":"refs/heads/main","event_name":"push",
"iat":1700000000,"nbf":1700000000,"exp":1700000300}`

// doc is the package @scope/foo linked to octo-org/foo, publishing 1.2.3.
const doc = "registry: jsr\nowner: octo-org\nrepository: foo\nrepository_id: \"123456\"\npackage: \"@scope/foo\"\nversion: 1.2.3\n"

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func aud(permissions string) map[string]string {
	return map[string]string{"aud": quote(`{"permissions":[` + permissions + `]}`)}
}

const (
	invalidIssuer         = "JSR answers 401 invalidOidcToken: The provided OIDC token is invalid: invalid issuer: "
	audUnparsed           = "JSR answers 401 invalidOidcToken: The provided OIDC token is invalid: failed to parse 'aud': …"
	wantMissingPermission = "JSR answers 403 missingPermission: The credential this request was authenticated with does not have the necessary permissions to perform this action."
	wantNotAuthorized     = "JSR answers 403 actorNotAuthorized: The actor that this request was authenticated for is not authorized to access this resource."
)

func TestJSRCases(t *testing.T) {
	cases := []publishertest.Case{
		// github.rs validate_oidc_issuer_accepts_github_issuers.
		{Name: "GitHub issuer", Doc: doc, Verdict: policy.Allow},
		{Name: "enterprise issuer", Doc: doc, Claims: map[string]string{"iss": `"https://token.actions.githubusercontent.com/octocat-inc"`}, Verdict: policy.Allow},

		// iam.rs check_publish_access: a version permission covers its own
		// version; package and scope permissions cover more.
		{Name: "package permission", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"scope","package":"foo"}`), Verdict: policy.Allow},
		{Name: "scope permission", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"scope"}`), Verdict: policy.Allow},
		// package.rs test_publishing_with_missing_auth: a permission for another scope.
		{Name: "permission for another scope", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"otherscope"}`), Verdict: policy.Deny, Answer: wantMissingPermission},
		// authorization.rs authorization_with_permissions: package "test" at 1.0.0 grants nothing else.
		{Name: "permission for another package", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"scope","package":"test","version":"1.0.0","tarballHash":"sha256-1234567890"}`), Verdict: policy.Deny, Answer: wantMissingPermission},
		{Name: "permission for another version", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"scope","package":"foo","version":"1.0.0","tarballHash":"sha256-1234567890"}`), Verdict: policy.Deny, Answer: wantMissingPermission},
		{Name: "no permissions", Doc: doc, Claims: aud(``), Verdict: policy.Deny, Answer: wantMissingPermission},
		// ids.rs test_version: "v1.2.3" is not a normalized version, so
		// serde's untagged enum falls through to the package form.
		{Name: "unnormalized version grants the package", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"scope","package":"foo","version":"v1.2.3","tarballHash":"h"}`), Verdict: policy.Allow},
		// ids.rs test_scope_name: "Foo" is not a scope name: no variant matches.
		{Name: "invalid scope name", Doc: doc, Claims: aud(`{"permission":"package/publish","scope":"Foo"}`), Verdict: policy.Deny, Answer: audUnparsed},
		// github.rs build_iam_info: aud must parse as the permissions JSON.
		{Name: "aud of another service", Doc: doc, Claims: map[string]string{"aud": `"sts.amazonaws.com"`}, Verdict: policy.Deny, Answer: audUnparsed},
		{Name: "aud without permissions", Doc: doc, Claims: map[string]string{"aud": quote(`{"scope":"scope"}`)}, Verdict: policy.Deny, Answer: audUnparsed},
		{Name: "aud as a list", Doc: doc, Claims: map[string]string{"aud": `["` + strings.ReplaceAll(versionAud, `"`, `\"`) + `"]`}, Verdict: policy.Deny,
			Answer: "JSR answers 401 invalidOidcToken: The provided OIDC token is invalid: … (the JSON reader's message about aud)"},

		// iam.rs: repository_id must equal the linked repository's ID.
		{Name: "other repository", Doc: doc, Claims: map[string]string{"repository_id": `"654321"`, "repository": `"octo-org/bar"`}, Verdict: policy.Deny, Answer: wantNotAuthorized},
		{Name: "renamed repository keeps its ID", Doc: doc, Claims: map[string]string{"repository": `"octo-org/foo-renamed"`}, Verdict: policy.Allow},
		{Name: "re-created repository", Doc: doc, Claims: map[string]string{"repository_id": `"999"`}, Verdict: policy.Deny, Answer: wantNotAuthorized},
		// GitHubClaims: deserialize_number_from_string takes a number too, and nothing else.
		{Name: "repository_id as a number", Doc: doc, Claims: map[string]string{"repository_id": `123456`}, Verdict: policy.Allow},
		{Name: "actor_id not an integer", Doc: doc, Claims: map[string]string{"actor_id": `"octocat"`}, Verdict: policy.Deny,
			Answer: "JSR answers 401 invalidOidcToken: The provided OIDC token is invalid: … (the JSON reader's message about actor_id)"},
	}
	// github.rs validate_oidc_issuer_rejects_other_issuers.
	for _, iss := range []string{"", "https://example.com", "https://token.actions.githubusercontent.com/", "https://token.actions.githubusercontent.com//foo",
		"https://token.actions.githubusercontent.com/foo/bar", "https://token.actions.githubusercontent.com/foo?x=1", "https://token.actions.githubusercontent.com/../foo",
		"https://token.actions.githubusercontent.com.evil.com", "https://token.actions.githubusercontent.com.evil.com/foo", "https://token.actions.ghe.com/foo"} {
		cases = append(cases, publishertest.Case{Name: "issuer " + iss, Doc: doc, Claims: map[string]string{"iss": quote(iss)}, Verdict: policy.Deny, Answer: invalidIssuer + iss})
	}
	publishertest.Run(t, publisher.NewProvider(Registry()), base, cases)
}
