package publisher_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/cratesio"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
	"github.com/oidcscope/oidcscope/policy/publisher/nuget"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
	"github.com/oidcscope/oidcscope/policy/publisher/pypi"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
)

// refused lists, per registry, the fixture tokens no publisher of it can
// accept, and why: the round trip must refuse them rather than print a
// publisher that does not work.
var refused = map[string]map[string]string{
	pypi.ID:     {"enterprise": "unknown trusted publishing issuer", "reusable-workflow": "job_workflow_ref", "custom-sub": "job_workflow_ref"},
	cratesio.ID: {"enterprise": "Unsupported JWT issuer"},
	rubygems.ID: {"enterprise": "the issuer"},
	npm.ID:      {"enterprise": "unauthorized", "self-hosted": "self-hosted runners are not supported"},
	nuget.ID:    {"enterprise": "could not be validated", "reusable-workflow": "does not start with", "custom-sub": "does not start with"},
}

// TestSuggestRoundTrip: for every fixture token given the registry's
// audience, every scope's suggestion parses, is detected and allows the
// token it was made for; the tokens the registry cannot accept at all
// are refused with the registry's reason.
func TestSuggestRoundTrip(t *testing.T) {
	for _, p := range providers() {
		aud := fixtureAudience(policytest.ParseOne(t, p, "x.yml", "registry: "+p.(*publisher.Provider).Registry().Values[0]+"\nowner: o\nrepository: r\nworkflow: w.yml\n"), p.ID())
		for _, name := range policytest.FixtureNames() {
			tok := publishertest.WithAud(t, name, aud)
			if why, ok := refused[p.ID()][name]; ok {
				_, err := p.Suggest(tok, policy.ScopeRepo)
				if !errors.Is(err, publisher.ErrSuggest) || !strings.Contains(err.Error(), why) {
					t.Errorf("%s %s: error %v, want ErrSuggest mentioning %q", p.ID(), name, err, why)
				}
				continue
			}
			_, hasEnv := tok.String("environment")
			for _, scope := range policy.Scopes {
				s, _, _, ok := policytest.SuggestAllowed(t, p, tok, scope, hasEnv, "yaml", publisher.ErrSuggest)
				if ok && scope == policy.ScopeEnvironment && !strings.Contains(s.Document, "environment:") {
					t.Errorf("%s %s: environment scope without environment:\n%s", p.ID(), name, s.Document)
				}
			}
		}
	}
}

// TestSuggestReadsTheRegistrysWorkflowClaim: PyPI and RubyGems name the
// called workflow, crates.io and npm the caller; RubyGems adds the reusable
// workflow's repository.
func TestSuggestReadsTheRegistrysWorkflowClaim(t *testing.T) {
	for _, tc := range []struct {
		p    policy.Provider
		aud  string
		want []string
	}{
		{publisher.NewProvider(cratesio.Registry()), cratesio.Audience, []string{`workflow: "release.yml"`}},
		{publisher.NewProvider(npm.Registry()), "npm:registry.example", []string{`workflow: "release.yml"`, `registry: "npm"`}},
		{publisher.NewProvider(rubygems.Registry()), rubygems.Audience, []string{`workflow: "oidc.yml"`, `workflow_repository: "octo-org/octo-automation"`, `owner_id: "65"`}},
	} {
		s, err := tc.p.Suggest(policytest.ClaimsWith(t, "reusable-workflow", map[string]any{"aud": tc.aud}), policy.ScopeRepo)
		if err != nil {
			t.Fatalf("%s: %v", tc.p.ID(), err)
		}
		for _, w := range tc.want {
			if !strings.Contains(s.Document, w) {
				t.Errorf("%s: no %s in\n%s", tc.p.ID(), w, s.Document)
			}
		}
	}
}

// TestSuggestForAnotherAudience: the signed fixture token carries a cloud
// audience; the publisher is still printed, with a note naming the
// audience to request.
func TestSuggestForAnotherAudience(t *testing.T) {
	s, err := publisher.NewProvider(pypi.Registry()).Suggest(policytest.FixtureToken(t, "push-main"), policy.ScopeRepo)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(s.Notes, func(n string) bool { return strings.Contains(n, `requires "pypi"`) }) {
		t.Errorf("no audience note in %q", s.Notes)
	}
}

// TestSuggestTestPyPI: a token requested for TestPyPI's audience gets a
// TestPyPI publisher.
func TestSuggestTestPyPI(t *testing.T) {
	s, err := publisher.NewProvider(pypi.Registry()).Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"aud": "testpypi"}), policy.ScopeRepo)
	if err != nil || !strings.HasPrefix(s.Document, `registry: "testpypi"`) {
		t.Errorf("%v\n%s", err, s.Document)
	}
}

// TestSuggestHostileClaims: a repository and workflow made to break out
// of a quoted YAML string stay inside it, no raw U+202E reaches the
// document, and the publisher allows only the hostile token.
func TestSuggestHostileClaims(t *testing.T) {
	evil := "octo-repo\u202e\"\nworkflow: x.yml\nowner: \"y"
	hostile := policytest.ClaimsWith(t, "push-main", map[string]any{"aud": "crates.io", "repository": "octo-org/" + evil})
	plain := policytest.ClaimsWith(t, "push-main", map[string]any{"aud": "crates.io"})
	p := publisher.NewProvider(cratesio.Registry())
	s, err := p.Suggest(hostile, policy.ScopeRepo)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(s.Document, '\u202e') || strings.Count(s.Document, "\nworkflow:") != 1 {
		t.Errorf("injection reached the document:\n%s", s.Document)
	}
	pol := policytest.ParseOne(t, p, "s.yml", s.Document)
	if r := pol.Evaluate(hostile); r.Verdict != policy.Allow {
		t.Errorf("hostile token: %s", r.Summary)
	}
	if r := pol.Evaluate(plain); r.Verdict != policy.Deny {
		t.Errorf("the plain repository is %s", r.Verdict)
	}
}

func TestSnippets(t *testing.T) {
	tok := policytest.ClaimsWith(t, "reusable-workflow", map[string]any{"aud": "pypi"})
	texts := map[string]map[string]string{}
	for _, p := range providers() {
		texts[p.ID()] = map[string]string{}
		for _, s := range p.Snippets(tok) {
			texts[p.ID()][s.Claim] += s.Text + "\n"
		}
	}
	if texts[pypi.ID]["job_workflow_ref"] != "workflow: \"oidc.yml\"\n" || texts[cratesio.ID]["workflow_ref"] != "workflow: \"release.yml\"\n" {
		t.Errorf("workflow snippets %v", texts)
	}
	if texts[rubygems.ID]["repository"] != "owner: \"octo-org\"\nrepository: \"octo-repo\"\n" || texts[pypi.ID]["repository_owner_id"] != "owner_id: \"65\"\n" {
		t.Errorf("snippets %v", texts)
	}
}
