package pubdev

import (
	"fmt"

	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// base is what pub-dev's createFakeGitHubActionToken
// (app/lib/fake/backend/fake_auth_provider.dart) builds for
// repository: 'a/b', ref: 'refs/tags/2.2.0', with the IDs the ID-lock
// test passes (repositoryId: 'x', repositoryOwnerId: 'y').
const base = `{"aud":"https://pub.dev","repository":"a/b","repository_id":"x","repository_owner":"a","repository_owner_id":"y",
"event_name":"push","ref":"refs/tags/2.2.0","ref_type":"tag","iss":"https://token.actions.githubusercontent.com","run_id":"1700000000000",
"iat":1700000000,"nbf":1700000000,"exp":1700000300}`

// doc is the configuration app/test/package/upload_test.dart sets for
// package oxygen (repository a/b, tagPattern {{version}}), uploading
// version 2.2.0.
const doc = "registry: pub.dev\nowner: a\nrepository: b\npackage: oxygen\ntag_pattern: \"{{version}}\"\nversion: 2.2.0\n"

func with(lines string) string { return doc + lines }

func forbidden(reason string) string {
	return "pub.dev answers 403 InsufficientPermissions: The calling GitHub Action is not allowed to publish, because: " + reason + "."
}

// tagCase is a row of backend_test.dart's verifyTagPatternWithRef tests
// (version 1.0.0).
func tagCase(name, pattern, ref string, v policy.Verdict, answer string) publishertest.Case {
	return publishertest.Case{Name: name, Doc: "registry: pub.dev\nowner: a\nrepository: b\ntag_pattern: \"" + pattern + "\"\nversion: 1.0.0\n",
		Claims: map[string]string{"ref": `"` + ref + `"`}, Verdict: v, Answer: answer}
}

const specific = `publishing is configured to only be allowed from actions with specific ref pattern, this token has "%s" ref for which publishing is not allowed. Expected tag "%s". Check that the version in the tag matches the version in "pubspec.yaml"`

func TestPubDevCases(t *testing.T) {
	publishertest.Run(t, publisher.NewProvider(Registry()), base, []publishertest.Case{
		// upload_test.dart "successful upload with GitHub Actions (push, without environment)".
		{Name: "push without environment", Doc: doc, Verdict: policy.Allow},
		// "successful upload with GitHub Actions (workflow_dispatch, without environment)".
		{Name: "workflow_dispatch enabled", Doc: with("events: [workflow_dispatch]\n"), Claims: map[string]string{"event_name": `"workflow_dispatch"`}, Verdict: policy.Allow},
		// "GitHub Actions cannot upload because repository not matching".
		{Name: "repository not matching", Doc: doc, Claims: map[string]string{"repository": `"x/y"`, "repository_owner": `"x"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is not enabled for the "x/y" repository, it may be enabled for another repository`)},
		// repository != agent.payload.repository is Dart string equality.
		{Name: "repository case", Doc: doc, Claims: map[string]string{"repository": `"A/b"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is not enabled for the "A/b" repository, it may be enabled for another repository`)},
		// "GitHub Actions cannot upload because ref type not matching".
		{Name: "ref type not matching", Doc: doc, Claims: map[string]string{"ref": `"refs/unknown-ref-type/1"`, "ref_type": `"unknown-ref-type"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is only allowed from "tag" refType, this token has "unknown-ref-type" refType`)},
		// "GitHub Actions cannot upload because version pattern not matching".
		{Name: "version pattern not matching", Doc: doc, Claims: map[string]string{"ref": `"refs/tags/1"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is configured to only be allowed from actions with specific ref pattern, this token has "refs/tags/1" ref for which publishing is not allowed. Expected tag "2.2.0". Check that the version in the tag matches the version in "pubspec.yaml"`)},
		// "GitHub Actions cannot upload because workflow_dispatch is not enabled" (pub.dev's text misspells the event).
		{Name: "workflow_dispatch not enabled", Doc: doc, Claims: map[string]string{"event_name": `"workflow_dispatch"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is not allowed from "workflow_dispath" events`)},
		{Name: "push not enabled", Doc: with("events: [workflow_dispatch]\n"),
			Verdict: policy.Deny, Answer: forbidden(`publishing is not allowed from "push" events`)},
		// "GitHub Actions cannot upload because event is not allowed".
		{Name: "event not allowed", Doc: with("events: [push, workflow_dispatch]\n"), Claims: map[string]string{"event_name": `"unknown_event"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is only allowed from "push" or "workflow_dispatch" events, this token originates from a "unknown_event" event`)},
		// "GitHub Actions cannot upload because id lock prevents it": each ID on its own.
		{Name: "id lock, repository id", Doc: with("repository_id: x\nowner_id: y\n"), Claims: map[string]string{"repository_id": `"x2"`},
			Verdict: policy.Deny, Answer: forbidden("GitHub repository identifiers changed, disabling automated publishing")},
		{Name: "id lock, owner id", Doc: with("repository_id: x\nowner_id: y\n"), Claims: map[string]string{"repository_owner_id": `"y2"`},
			Verdict: policy.Deny, Answer: forbidden("GitHub repository identifiers changed, disabling automated publishing")},
		{Name: "id lock holds", Doc: with("repository_id: x\nowner_id: y\n"), Verdict: policy.Allow},
		// "GitHub Actions cannot upload because environment is missing".
		{Name: "environment missing", Doc: with("environment: prod\n"),
			Verdict: policy.Deny, Answer: forbidden(`publishing is configured to only be allowed from actions with an environment, this token originates from an action running in environment "null" for which publishing is not allowed`)},
		// "GitHub Actions cannot upload because environment not matching".
		{Name: "environment not matching", Doc: with("environment: prod\n"), Claims: map[string]string{"environment": `"staging"`},
			Verdict: policy.Deny, Answer: forbidden(`publishing is configured to only be allowed from actions with an environment, this token originates from an action running in environment "staging" for which publishing is not allowed`)},
		// "successful upload with GitHub Actions (with environment)".
		{Name: "with environment", Doc: with("environment: prod\n"), Claims: map[string]string{"environment": `"prod"`}, Verdict: policy.Allow},

		// backend_test.dart "verifyTagPatternWithRef: valid inputs".
		tagCase("tag pattern {{version}}", "{{version}}", "refs/tags/1.0.0", policy.Allow, ""),
		tagCase("tag pattern pkg-v", "pkg-v{{version}}", "refs/tags/pkg-v1.0.0", policy.Allow, ""),
		tagCase("tag pattern with a slash", "dir/pkg-v{{version}}", "refs/tags/dir/pkg-v1.0.0", policy.Allow, ""),
		// "verifyTagPatternWithRef: invalid inputs".
		tagCase("missing v prefix", "v{{version}}", "refs/tags/1.0.0", policy.Deny, forbidden(sprintf(specific, "refs/tags/1.0.0", "v1.0.0"))),
		tagCase("missing refs/tags", "v{{version}}", "refs/x/v1.0.0", policy.Deny, forbidden(`publishing is only allowed from "refs/tags/*" ref, this token has "refs/x/v1.0.0" ref`)),
		tagCase("missing dir/ prefix", "dir/{{version}}", "refs/tags/v1.0.0", policy.Deny, forbidden(sprintf(specific, "refs/tags/v1.0.0", "dir/1.0.0"))),

		// default_auth_provider.dart tryAuthenticateAsServiceToken: exactly one audience, https://pub.dev.
		{Name: "wrong audience", Doc: doc, Claims: map[string]string{"aud": `"sts.amazonaws.com"`}, Verdict: policy.Deny, Answer: "pub.dev answers 401: Authentication failed."},
		{Name: "audience list of one", Doc: doc, Claims: map[string]string{"aud": `["https://pub.dev"]`}, Verdict: policy.Allow},
		{Name: "audience list of two", Doc: doc, Claims: map[string]string{"aud": `["https://pub.dev","other"]`}, Verdict: policy.Deny, Answer: "pub.dev answers 401: Authentication failed."},
		// ...and the issuer GitHubJwtPayload.issuerUrl exactly.
		{Name: "enterprise issuer", Doc: doc, Claims: map[string]string{"iss": `"https://token.actions.githubusercontent.com/avocado-corp"`}, Verdict: policy.Deny, Answer: "pub.dev answers 401: Authentication failed."},
		// github_openid.dart requiredClaims.
		{Name: "missing run_id", Doc: doc, Claims: map[string]string{"run_id": ""}, Verdict: policy.Deny, Answer: "pub.dev answers 401: Invalid JWT token: unable to parse payload."},
	})
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
