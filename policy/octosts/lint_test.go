package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const goodBase = "issuer: https://token.actions.githubusercontent.com\nsubject_pattern: '(?:repo:octo-org/octo-repo|repo:octo-org@65/octo-repo@74):ref:refs/heads/main'\nclaim_pattern:\n  repository_id: '74'\n  repository_owner_id: '65'\n"

// TestLintRules: every rule fires on a bad sample (with its severity) and
// stays silent on a good one.
func TestLintRules(t *testing.T) {
	tests := []struct {
		rule, name, doc string
		severity        string // "": the rule must not fire
		mention         string
	}{
		{RuleUnanchoredAlternation, "subject a|b", "issuer: " + gh + "\nsubject_pattern: 'repo:a/x:.*|repo:b/y:.*'\nclaim_pattern: {repository_id: '1'}", policy.SevWarning, `"(?:repo:a/x:.*|repo:b/y:.*)"`},
		{RuleUnanchoredAlternation, "claim_pattern a|b", goodBase + "  ref: 'refs/heads/main|refs/tags/v1'", policy.SevWarning, "claim_pattern.ref"},
		{RuleUnanchoredAlternation, "audience_pattern a|b", goodBase + "audience_pattern: 'a|b'", policy.SevWarning, "audience_pattern"},
		{RuleUnanchoredAlternation, "issuer_pattern a|b", "issuer_pattern: 'https://a\\.example|https://b\\.example'\nsubject: s", policy.SevWarning, "issuer_pattern"},
		{RuleUnanchoredAlternation, "grouped", goodBase, "", ""},
		{RuleUnanchoredAlternation, "bar in a class", goodBase + "  ref: 'refs/heads/[a|b]'", "", ""},
		{RuleUnanchoredAlternation, "escaped bar", goodBase + "  ref: 'refs/heads/a\\|b'", "", ""},
		{RuleUnanchoredAlternation, "quoted bar", goodBase + "  ref: '\\Qa|b\\E'", "", ""},
		{RuleMultilineFlag, "top-level (?m)", goodBase + "  ref: '(?m)refs/heads/main'", policy.SevWarning, "(?m)"},
		{RuleMultilineFlag, "scoped (?m:…)", goodBase + "  ref: '(?m:refs/heads/main)'", "", ""},
		{RuleMultilineFlag, "cleared again", goodBase + "  ref: '(?m)(?-m)refs/heads/main'", "", ""},
		{RuleSubjectAnyRepo, "any repo of the org", "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/.*'", policy.SevWarning, "every repository of octo-org"},
		{RuleSubjectAnyRepo, "any repo, [^:]+", "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/[^:]+:ref:refs/heads/main'", policy.SevWarning, "octo-org"},
		{RuleSubjectAnyRepo, "any owner", "issuer: " + gh + "\nsubject_pattern: 'repo:.*'", policy.SevError, "any owner"},
		{RuleSubjectAnyRepo, "any repo but repository_id pinned", "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/.*'\nclaim_pattern: {repository_id: '74'}", policy.SevInfo, "narrows it again"},
		{RuleSubjectAnyRepo, "one repository", goodBase, "", ""},
		{RuleIssuerBroad, "https://.*", "issuer_pattern: 'https://.*'\nsubject: s", policy.SevError, "https://oidcscope-probe.example"},
		{RuleIssuerBroad, "suffix open", "issuer_pattern: 'https://token\\.actions\\.githubusercontent\\.com.*'\nsubject: s", policy.SevError, ".oidcscope-probe.example"},
		{RuleIssuerBroad, "unescaped dots: lookalike domain", "issuer_pattern: 'https://token.actions.githubusercontent.com'\nsubject: s", policy.SevError, "https://token-actions-githubusercontent.com"},
		{RuleIssuerBroad, "enterprise slugs, bounded", "issuer_pattern: 'https://token\\.actions\\.githubusercontent\\.com(?:/[a-z0-9-]+)?'\nsubject: s", "", ""},
		{RuleIssuerBroad, "exact issuer", goodBase, "", ""},
		{RuleNoIDClaim, "names only", "issuer: " + gh + "\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main", policy.SevInfo, "repository_id"},
		{RuleNoIDClaim, "IDs pinned", goodBase, "", ""},
		{RuleNoIDClaim, "not a GitHub policy", "issuer: https://accounts.google.com\nsubject: '1234567890'", "", ""},
		{RuleDotUnescaped, "release.yml", goodBase + "  job_workflow_ref: 'octo-org/octo-repo/\\.github/workflows/release.yml@refs/heads/main'", policy.SevInfo, `release\.yml`},
		{RuleDotUnescaped, "escaped", goodBase + "  job_workflow_ref: 'octo-org/octo-repo/\\.github/workflows/release\\.yml@refs/heads/main'", "", ""},
		{RuleDotUnescaped, "dot-star and classes", goodBase + "  ref: 'refs/tags/v[0-9.]+.*'", "", ""},
		{RulePermissionValue, "upper-case level", goodBase + "permissions:\n  contents: Write", policy.SevWarning, `GitHub documents "write" in lower case`},
		{RulePermissionValue, "documented levels", goodBase + "permissions:\n  pull_requests: write\n  contents: read", "", ""},
		{RuleRepositoriesOrgOnly, "repositories", goodBase + "repositories: [octo-repo]", policy.SevInfo, ".github repository"},
		{RuleRepositoriesOrgOnly, "none", goodBase, "", ""},
		{RuleYAMLBooleanKey, "unquoted on", goodBase + "  on: push", policy.SevWarning, "quote it"},
		{RuleYAMLBooleanKey, "quoted", goodBase + "  'on': push", "", ""},
	}
	tok := policytest.FixtureToken(t, "other-repo") // a token that names no owner the samples lack
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.name, func(t *testing.T) {
			policytest.CheckFinding(t, parseOne(t, provider(), tt.doc).Evaluate(tok).Lint, tt.rule, tt.severity, tt.mention)
		})
	}
}

// TestLintAnyRepoFromToken: an owner the pattern does not spell out is
// probed with the token's owner.
func TestLintAnyRepoFromToken(t *testing.T) {
	pol := parseOne(t, provider(), "issuer: "+gh+"\nsubject_pattern: 'repo:octo-(?:org|corp)/.*'\naudience: sts.amazonaws.com")
	if r := pol.Evaluate(policytest.Payload(t, `{"repository_owner":"nobody"}`)); policytest.HasRule(r.Lint, RuleSubjectAnyRepo) {
		t.Fatalf("fired without an owner it can prove: %+v", r.Lint)
	}
	r := pol.Evaluate(policytest.FixtureToken(t, "push-main"))
	if !policytest.HasRule(r.Lint, RuleSubjectAnyRepo) {
		t.Fatalf("no finding with the token's owner octo-org: %+v", r.Lint)
	}
}

// TestLintByAnchoring: a top-level "|" or (?m) leaks only in octo-sts/app
// up to v0.8.0, so under the default anchoring it is a warning that names
// those versions, and an error under AnchorCaretDollar.
func TestLintByAnchoring(t *testing.T) {
	doc := goodBase + "  ref: '(?m)refs/heads/main|refs/tags/v1'"
	tests := []struct {
		mode     Anchoring
		severity string
		mention  string
	}{
		{provider().Anchoring, policy.SevWarning, "octo-sts/app up to v0.8.0 (@cb87fc17; e.g. an older self-hosted deployment) compiles"},
		{AnchorCaretDollar, policy.SevError, "the anchoring selected here"},
	}
	for _, tt := range tests {
		t.Run(anchoringName[tt.mode], func(t *testing.T) {
			r := parseOne(t, &Provider{Domain: DefaultDomain, Anchoring: tt.mode}, doc).Evaluate(policytest.FixtureToken(t, "push-main"))
			policytest.CheckFinding(t, r.Lint, RuleUnanchoredAlternation, tt.severity, tt.mention, "PR #1643")
			policytest.CheckFinding(t, r.Lint, RuleMultilineFlag, policy.SevWarning, "(?m:…)")
		})
	}
}

// TestPatternCompilesOnlyUngrouped: a pattern that compiles only because
// octo-sts @cb87fc17 wraps it as "^" + p + "$" (a trailing "\" escaping
// the "$", a leading repetition of the "^", an unclosed \Q swallowing the
// "$") is refused by octo-sts after PR #1643, which compiles p alone and
// as "^(?:p)$": under AnchorCaretDollar a lint says so; under the default
// the policy is an error whose errored condition says what older versions
// made of it.
func TestPatternCompilesOnlyUngrouped(t *testing.T) {
	tests := []struct {
		name, doc string
		severity  string // "" = no finding
		mention   string
	}{
		{"trailing backslash", goodBase + "  ref: 'refs/heads/main\\'", policy.SevError, "trailing backslash"},
		{"leading star", "issuer: " + gh + "\nsubject_pattern: '*repo:octo-org/octo-repo:.*'\nclaim_pattern: {repository_id: '1'}", policy.SevError, `"*"`},
		{"leading question mark", goodBase + "  ref: '?refs/heads/main'", policy.SevError, `"?"`},
		{"leading plus keeps the anchor", goodBase + "  ref: '+refs/heads/main'", policy.SevWarning, `"+"`},
		{"unclosed \\Q", goodBase + "  ref: '\\Qrefs/heads/main'", policy.SevError, `\E`},
		{"audience_pattern", goodBase + "audience_pattern: 'octo-sts\\.dev\\'", policy.SevError, "audience_pattern"},
		{"closed \\Q", goodBase + "  ref: '\\Qrefs/heads/main\\E'", "", ""},
		{"escaped backslash at the end", goodBase + "  ref: 'refs/heads/main\\\\'", "", ""},
		{"ordinary", goodBase, "", ""},
	}
	tok := policytest.FixtureToken(t, "push-main")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseOne(t, &Provider{Domain: DefaultDomain, Anchoring: AnchorCaretDollar}, tt.doc).Evaluate(tok)
			policytest.CheckFinding(t, r.Lint, RuleCompilesOnlyUngrouped, tt.severity, tt.mention, "PR #1643", "unable to compile trust policy")
			if tt.severity == "" {
				return
			}
			// Under the default anchoring the same policy is an error, not a lint.
			g := parseOne(t, provider(), tt.doc).Evaluate(tok)
			if g.Verdict != policy.Error || policytest.HasRule(g.Lint, RuleCompilesOnlyUngrouped) {
				t.Errorf("default anchoring: verdict %s, lint %+v; want error and no finding", g.Verdict, g.Lint)
			}
			if d := allDiagnoses(g); !strings.Contains(d, "octo-sts/app up to v0.8.0") || !strings.Contains(d, tt.mention) {
				t.Errorf("the errored condition does not say what older versions made of it (%s):\n%s", tt.mention, d)
			}
			if !strings.Contains(g.Summary, "unable to compile trust policy") {
				t.Errorf("summary %q", g.Summary)
			}
		})
	}
}
