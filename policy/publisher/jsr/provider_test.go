package jsr

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

const pkgAud = `{"permissions":[{"permission":"package/publish","scope":"octo","package":"pkg"}]}`

func TestAudience(t *testing.T) {
	if got := Audience(publisher.Document{Package: "@octo/pkg"}); got != pkgAud {
		t.Errorf("Audience = %s", got)
	}
	if got := Audience(publisher.Document{Package: "octo/pkg"}); got != "" {
		t.Errorf("Audience of a bad name = %q", got)
	}
}

// TestSuggest: the package comes from aud; the document round-trips
// through the evaluator; a token whose aud names no package gets none.
func TestSuggest(t *testing.T) {
	for aud, want := range map[string][]string{
		pkgAud: {`package: "@octo/pkg"`, `repository_id: "74"`, `owner: "octo-org"`, `repository: "octo-repo"`},
		`{"permissions":[{"permission":"package/publish","scope":"octo","package":"pkg","version":"1.4.0","tarballHash":"sha256-x"}]}`: {`version: "1.4.0"`},
	} {
		for _, scope := range policy.Scopes {
			s, err := publisher.NewProvider(Registry()).Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": aud}), scope)
			if err != nil {
				t.Fatalf("%s: %v", scope, err)
			}
			for _, w := range want {
				if !strings.Contains(s.Document, w) {
					t.Errorf("%s: %q lacks %q", scope, s.Document, w)
				}
			}
		}
	}
	for _, aud := range []any{"sts.amazonaws.com", `{"permissions":[{"permission":"package/publish","scope":"octo"}]}`} {
		if _, err := publisher.NewProvider(Registry()).Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": aud}), policy.ScopeRepo); !errors.Is(err, publisher.ErrSuggest) {
			t.Errorf("aud %v: %v, want ErrSuggest", aud, err)
		}
	}
}

func TestSnippets(t *testing.T) {
	publishertest.CheckSnippets(t, publisher.NewProvider(Registry()), policytest.ClaimsWith(t, "push-main", map[string]any{"aud": pkgAud}),
		`repository owner: "octo-org"`, `repository_id repository_id: "74"`, `aud package: "@octo/pkg"`)
}

func TestLint(t *testing.T) {
	publishertest.CheckLint(t, publisher.NewProvider(Registry()), "registry: jsr\nowner: octo-org\nrepository: octo-repo\n", []publishertest.LintCase{
		{Doc: "package: octo/pkg\n", Rule: RulePackage, Want: "is not a JSR package name"},
		{Doc: "package: \"@Octo/pkg\"\n", Rule: RulePackage, Want: "is not a JSR package name"},
		{Doc: "package: \"@octo/pkg\"\nversion: v1.2.3\n", Rule: RuleVersion, Want: "normal form"},
		{Doc: "package: \"@octo/pkg\"\nrepository_id: octo\n", Rule: RuleRepositoryID, Want: "not an integer"},
		{Doc: "package: \"@octo/pkg\"\n", Rule: RuleNoRepoID, Want: "add repository_id"},
		{Doc: "package: \"@octo/pkg\"\nworkflow: release.yml\n", Rule: publisher.RuleUnusedKey, Want: "workflow is not used by JSR"},
	})
}

// TestOfflineLines: what JSR checks and oidcscope cannot is a visible
// line, never a silent pass: scope membership, the package's existence,
// and the link without repository_id.
func TestOfflineLines(t *testing.T) {
	pol := policytest.ParseOne(t, publisher.NewProvider(Registry()), "x.yml", "registry: jsr\nowner: octo-org\nrepository: octo-repo\npackage: \"@octo/pkg\"\n")
	r := pol.Evaluate(policytest.ClaimsWith(t, "other-repo", map[string]any{"aud": pkgAud}))
	want := map[string]string{
		"the actor is a member of the scope": `actor_id "7712094"`,
		"the package exists":                 "packageNotFound",
		"the linked repository's ID":         `"octo-org/octo-docs", not the linked "octo-org/octo-repo"`,
	}
	for _, c := range r.Conditions {
		what, ok := strings.CutPrefix(c.Expression, "not checked offline: ")
		if w, listed := want[what]; ok && listed {
			if c.Result != policy.NotApplied || c.Group != publisher.GroupOffline || !strings.Contains(c.Diagnosis[0], w) {
				t.Errorf("%s: %s %s %q", what, c.Result, c.Group, c.Diagnosis)
			}
			delete(want, what)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing lines %v", want)
	}
	if r.Verdict != policy.Allow || !strings.Contains(r.Summary, "4 more are made only by JSR") {
		t.Errorf("%s: %s", r.Verdict, r.Summary)
	}
}
