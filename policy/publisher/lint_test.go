package publisher_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
	"github.com/oidcscope/oidcscope/policy/publisher/nuget"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
)

func findings(t *testing.T, p policy.Provider, doc string) map[string]string {
	t.Helper()
	r := policytest.ParseOne(t, p, "x.yml", doc).Evaluate(policytest.FixtureToken(t, "push-main"))
	out := map[string]string{}
	for _, f := range r.Lint {
		out[f.Rule] += f.Severity + ": " + f.Message + "\n"
	}
	return out
}

func TestLint(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    policy.Provider
		doc  string
		rule string
		want string // "" when the rule must not fire
	}{
		{"unused key", provider(t, policy.PyPI), "registry: pypi\nowner: o\nrepository: r\nworkflow: w.yml\nowner_id: \"1\"\npackage: p\n", publisher.RuleUnusedKey, "warning: line 6: package is not used by PyPI"},
		{"crates.io reads package", provider(t, policy.CratesIO), "registry: crates.io\nowner: o\nrepository: r\nworkflow: w.yml\nowner_id: \"1\"\npackage: p\n", publisher.RuleUnusedKey, ""},
		{"tag pattern at RubyGems", provider(t, policy.RubyGems), "registry: rubygems\nowner: o\nrepository: r\nworkflow: w.yml\ntag_pattern: v{{version}}\n", publisher.RuleUnusedKey, "tag_pattern is not used by RubyGems"},
		{"no owner id", provider(t, policy.CratesIO), "registry: crates.io\nowner: o\nrepository: r\nworkflow: w.yml\n", publisher.RuleNoOwnerID, "info: no owner_id: crates.io recorded"},
		{"workflow path", provider(t, policy.PyPI), "registry: pypi\nowner: o\nrepository: r\nworkflow: .github/workflows/w.yml\n", publisher.RuleWorkflowFormat, "is a path, not a file name"},
		{"workflow suffix", provider(t, policy.RubyGems), "registry: rubygems\nowner: o\nrepository: r\nworkflow: release\n", publisher.RuleWorkflowFormat, "does not end in .yml or .yaml"},
		{"npm audience", provider(t, npm.ID), "registry: npm\nowner: o\nrepository: r\nworkflow: w.yml\naudience: sts.amazonaws.com\n", npm.RuleAudience, "error: audience \"sts.amazonaws.com\" is not npm:<host>"},
		{"npm audience of a host", provider(t, npm.ID), "registry: npm\nowner: o\nrepository: r\nworkflow: w.yml\naudience: npm:registry.example\n", npm.RuleAudience, ""},
		{"NuGet without user", provider(t, nuget.ID), "registry: nuget\nowner: o\nrepository: r\nworkflow: w.yml\n", nuget.RuleNoUser, "info: no user: NuGet searches only the policies created by the user"},
		{"NuGet records the IDs on first use", provider(t, nuget.ID), "registry: nuget\nowner: o\nrepository: r\nworkflow: w.yml\n", publisher.RuleNoOwnerID, "recorded the owner's numeric ID from the first token that matched the policy"},
		{"NuGet without audience", provider(t, nuget.ID), "registry: nuget\nowner: o\nrepository: r\nworkflow: w.yml\nuser: u\n", nuget.RuleNoAudience, "info: no audience: NuGet's audience is deployment configuration"},
		{"workflow repository is the repository", provider(t, policy.RubyGems), "registry: rubygems\nowner: o\nrepository: r\nworkflow: w.yml\nworkflow_repository: o/r\n", rubygems.RuleWorkflowRepository, "workflow_repository must be different from the repository"},
	} {
		got := findings(t, tc.p, tc.doc)[tc.rule]
		switch {
		case tc.want == "" && got != "":
			t.Errorf("%s: unexpected %s", tc.name, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			t.Errorf("%s: %s = %q, want %q", tc.name, tc.rule, got, tc.want)
		}
	}
}

// TestMissingRequiredKey: a document without the workflow cannot be
// matched; it is an error verdict saying so, not a deny.
func TestMissingRequiredKey(t *testing.T) {
	r := policytest.ParseOne(t, provider(t, policy.PyPI), "x.yml", "registry: pypi\nowner: o\nrepository: r\n").Evaluate(policytest.FixtureToken(t, "push-main"))
	if r.Verdict != policy.Error || !strings.Contains(r.Error, "no workflow") {
		t.Errorf("%s: %s", r.Verdict, r.Error)
	}
}
