package pubdev

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestSuggest: reusable-workflow runs on a push of v1.4.0; the settings
// read from it round-trip through the evaluator. A branch has no tag to
// publish from, and the environment scope needs an environment.
func TestSuggest(t *testing.T) {
	tok := policytest.ClaimsWith(t, "reusable-workflow", map[string]any{"aud": Audience})
	s, err := publisher.NewProvider(Registry()).Suggest(tok, policy.ScopeRepo)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`owner: "octo-org"`, `repository: "octo-repo"`, `tag_pattern: "v{{version}}"`, `version: "1.4.0"`, `events: ["push"]`, `repository_id: "74"`, `owner_id: "65"`} {
		if !strings.Contains(s.Document, w) {
			t.Errorf("%q lacks %q", s.Document, w)
		}
	}
	signed, err := publisher.NewProvider(Registry()).Suggest(policytest.FixtureToken(t, "reusable-workflow"), policy.ScopeRepo)
	if err != nil || !strings.Contains(strings.Join(signed.Notes, "\n"), `pub.dev requires "https://pub.dev"`) {
		t.Errorf("as signed: %v %q", err, signed.Notes)
	}
	for name, scope := range map[string]policy.Scope{"push-main": policy.ScopeRepo, "reusable-workflow": policy.ScopeEnvironment, "self-hosted": policy.ScopeRepo} {
		if _, err := publisher.NewProvider(Registry()).Suggest(policytest.ClaimsWith(t, name, map[string]any{"aud": Audience}), scope); !errors.Is(err, publisher.ErrSuggest) {
			t.Errorf("%s, %s: %v, want ErrSuggest", name, scope, err)
		}
	}
}

func TestSnippets(t *testing.T) {
	publishertest.CheckSnippets(t, publisher.NewProvider(Registry()), policytest.ClaimsWith(t, "reusable-workflow", map[string]any{"aud": Audience}),
		`repository owner: "octo-org"`, "ref tag_pattern: \"v{{version}}\"\nversion: \"1.4.0\"", `event_name events: ["push"]`, `repository_owner_id owner_id: "65"`)
}

// TestTagWithoutVersion: without the version being published, a tag that
// fits the pattern is a line naming the version pub.dev will compare;
// one that no version fits is refused.
func TestTagWithoutVersion(t *testing.T) {
	tok := policytest.ClaimsWith(t, "reusable-workflow", map[string]any{"aud": Audience})
	r := policytest.ParseOne(t, publisher.NewProvider(Registry()), "x.yml", "registry: pub.dev\nowner: octo-org\nrepository: octo-repo\ntag_pattern: \"v{{version}}\"\n").Evaluate(tok)
	found := false
	for _, c := range r.Conditions {
		if c.Expression == "not checked offline: the version in the tag" {
			found = c.Result == policy.NotApplied && strings.Contains(c.Diagnosis[0], `pubspec.yaml's version is "1.4.0"`)
		}
	}
	if r.Verdict != policy.Allow || !found {
		t.Errorf("%s %s, version line found: %v", r.Verdict, r.Summary, found)
	}
	r = policytest.ParseOne(t, publisher.NewProvider(Registry()), "x.yml", "registry: pub.dev\nowner: octo-org\nrepository: octo-repo\ntag_pattern: \"release-{{version}}\"\n").Evaluate(tok)
	if r.Verdict != policy.Deny || !strings.Contains(r.Summary, `Expected tag "release-<version>"`) {
		t.Errorf("%s %s", r.Verdict, r.Summary)
	}
}

// TestLint: the settings' validation (backend.dart verifyTagPattern and
// the repository and environment patterns), quoted.
func TestLint(t *testing.T) {
	publishertest.CheckLint(t, publisher.NewProvider(Registry()), "registry: pub.dev\nowner: octo-org\nrepository: octo-repo\n", []publishertest.LintCase{
		{Doc: "tag_pattern: v1\n", Rule: RuleForm, Want: "must contain a single `{{version}}` part"},
		{Doc: "tag_pattern: \"{{version}}-{{version}}\"\n", Rule: RuleForm, Want: "must contain a single `{{version}}` part"},
		{Doc: "tag_pattern: \"v {{version}}\"\n", Rule: RuleForm, Want: "The `tagPattern` field has invalid characters."},
		{Doc: "tag_pattern: \"{{version}}\"\nenvironment: \"prod env\"\n", Rule: RuleForm, Want: "The `environment` field has invalid characters."},
		{Doc: "tag_pattern: \"{{version}}\"\nevents: []\n", Rule: RuleForm, Want: "At least one of the events"},
		{Doc: "tag_pattern: \"{{version}}\"\nevents: [pull_request]\n", Rule: RuleForm, Want: "push and workflow_dispatch only"},
		{Doc: "tag_pattern: \"{{version}}\"\n", Rule: RuleNoVersion, Want: "add version"},
		{Doc: "tag_pattern: \"{{version}}\"\n", Rule: RuleNoIDs, Want: "add them"},
		{Doc: "tag_pattern: \"{{version}}\"\nworkflow: release.yml\n", Rule: publisher.RuleUnusedKey, Want: "workflow is not used by pub.dev"},
	})
	r := policytest.ParseOne(t, publisher.NewProvider(Registry()), "x.yml", "registry: pub.dev\nowner: Octo-Org\nrepository: octo_repo.dart\ntag_pattern: \"dir/pkg-v{{version}}\"\nversion: 1.0.0\nrepository_id: \"1\"\n").Evaluate(policytest.FixtureToken(t, "push-main"))
	for _, f := range r.Lint {
		if f.Rule == RuleForm || f.Rule == RuleNoVersion || f.Rule == RuleNoIDs {
			t.Errorf("a valid document: %+v", f)
		}
	}
}
