package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestClassicFailureDiagnoses: the failures users actually hit, each
// explained on the failing condition.
func TestClassicFailureDiagnoses(t *testing.T) {
	tests := []struct {
		name, policyDoc, file, token, claim string
		want                                []string
	}{
		{"environment form vs ref form", "", "ref-main-exact.sts.yaml", "environment-prod", "sub",
			[]string{"in environment form but the policy expects ref form", "always gets environment:<name> in sub", `trust policy: subject "repo:octo-org/octo-repo:environment:prod" did not match "repo:octo-org/octo-repo:ref:refs/heads/main"`}},
		{"ref form vs environment form (pattern)", "", "prod-deploy.sts.yaml", "push-main", "sub",
			[]string{"in ref form but the policy expects environment form"}},
		{"legacy policy, immutable token", "", "ref-main-exact.sts.yaml", "immutable-sub", "sub",
			[]string{"uses the immutable form repo:OWNER@ID/REPO@ID but the policy expects the legacy form"}},
		{"immutable policy, legacy token", "issuer: " + gh + "\nsubject: repo:octo-org@65/octo-repo@74:ref:refs/heads/main\naudience: sts.amazonaws.com", "", "push-main", "sub",
			[]string{"the policy expects the immutable form"}},
		{"pull request", "", "ref-main-exact.sts.yaml", "pull-request", "sub",
			[]string{"pull request events get :pull_request"}},
		{"case only, exact", "issuer: " + gh + "\nsubject: repo:Octo-Org/octo-repo:ref:refs/heads/main\naudience: sts.amazonaws.com", "", "push-main", "sub",
			[]string{"differs only in case: octo-sts compares sub case-sensitively"}},
		{"case only, pattern", "issuer: " + gh + "\nsubject_pattern: 'repo:Octo-Org/octo-repo:.*'\naudience: sts.amazonaws.com", "", "push-main", "sub",
			[]string{"only in case before its first wildcard", "matches when case is ignored", "(?i)"}},
		{"wrong aud, policy names one", "", "ref-main-exact.sts.yaml", "push-main", "aud",
			[]string{`trust policy: audience "https://github.com/octo-org" did not match any of ["sts.amazonaws.com"]`, "first difference"}},
		{"wrong aud, policy names none", "issuer: " + gh + "\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main", "", "push-main", "aud",
			[]string{"octo-sts expects aud octo-sts.dev (its STS_DOMAIN) when the policy sets no audience", "request the token with audience octo-sts.dev"}},
		{"absent environment claim", "issuer: " + gh + "\nsubject_pattern: '.*'\naudience: sts.amazonaws.com\nclaim_pattern:\n  environment: prod", "", "push-main", "environment",
			[]string{`trust policy: expected claim "environment" not found in token`, "the job does not reference an environment"}},
		{"enterprise issuer", "", "ref-main-exact.sts.yaml", "enterprise", "iss",
			[]string{"an enterprise with a unique issuer (https://token.actions.githubusercontent.com/avocado-corp)"}},
		{"glob star in a pattern", "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/octo-repo:*'\naudience: sts.amazonaws.com", "", "push-main", "sub",
			[]string{`":*" in subject_pattern is RE2, not a glob`, `write ":.*"`}},
		{"wildcard in an exact subject", "issuer: " + gh + "\nsubject: 'repo:octo-org/octo-repo:*'\naudience: sts.amazonaws.com", "", "push-main", "sub",
			[]string{"contains a wildcard, but subject compares literally", "use subject_pattern"}},
		{"pattern for another repository: where the literal prefix stops", "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/octo-docs:.*'\naudience: sts.amazonaws.com", "", "push-main", "sub",
			[]string{"first difference at character 20:", "expected: repo:octo-org/octo-docs:"}},
		{"claim pattern on job_workflow_ref", "", "prod-deploy.sts.yaml", "custom-sub", "job_workflow_ref",
			[]string{`trust policy: claim "job_workflow_ref" did not match "^(?:octo-org/octo-repo/\.github/workflows/deploy-prod\.yml@refs/heads/main)$"`, "first difference"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pol policy.Policy
			if tt.file != "" {
				pol = fixturePolicy(t, provider(), tt.file)
			} else {
				pol = parseOne(t, provider(), tt.policyDoc)
			}
			r := pol.Evaluate(policytest.FixtureToken(t, tt.token))
			if r.Verdict != policy.Deny {
				t.Fatalf("verdict %s, want deny", r.Verdict)
			}
			c := policytest.ConditionOn(t, r, tt.claim)
			if c.Result != policy.Fail {
				t.Fatalf("%s condition %s, want fail", tt.claim, c.Result)
			}
			got := joined(c.Diagnosis)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("diagnosis lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestUngroupedPassIsLoud: under AnchorCaretDollar (octo-sts/app up to
// v0.8.0) a token accepted only through the missing grouping passes, with
// the warning in the condition, in the summary and as an error-level lint
// finding; under the default anchoring it is refused, and says that older
// versions accept it.
func TestUngroupedPassIsLoud(t *testing.T) {
	older := &Provider{Domain: DefaultDomain, Anchoring: AnchorCaretDollar}
	r := fixturePolicy(t, older, "alternation-pitfall.sts.yaml").Evaluate(policytest.FixtureToken(t, "custom-sub"))
	if r.Verdict != policy.Allow {
		t.Fatalf("verdict %s: octo-sts @cb87fc17 accepts custom-sub through the ungrouped alternation", r.Verdict)
	}
	c := policytest.ConditionOn(t, r, "sub")
	if c.Result != policy.Pass || !strings.HasPrefix(joined(c.Diagnosis), "WARNING:") || !strings.Contains(joined(c.Diagnosis), `"(?:repo:octo-org/octo-repo:environment:prod|repo:octo-org/octo-repo:ref:refs/heads/main)"`) {
		t.Errorf("sub condition %s with diagnosis %q: want pass with the warning and the grouped fix", c.Result, c.Diagnosis)
	}
	if !strings.Contains(r.Summary, "only through the ungrouped anchoring of octo-sts/app up to v0.8.0") || !strings.Contains(r.Summary, "refuses it") {
		t.Errorf("summary %q hides the warning", r.Summary)
	}
	found := false
	for _, f := range r.Lint {
		if f.Rule == RuleUnanchoredAlternation && f.Severity == policy.SevError && strings.Contains(f.Message, "this token's sub") {
			found = true
		}
	}
	if !found {
		t.Errorf("no token-dependent %s finding in %+v", RuleUnanchoredAlternation, r.Lint)
	}
	// A token that matches an alternative wholly gets no warning.
	r = fixturePolicy(t, older, "alternation-pitfall.sts.yaml").Evaluate(policytest.FixtureToken(t, "self-hosted"))
	if c := policytest.ConditionOn(t, r, "sub"); c.Result != policy.Pass || len(c.Diagnosis) != 0 {
		t.Errorf("self-hosted matches the second alternative wholly: %s %q", c.Result, c.Diagnosis)
	}
	// Under the default anchoring the same token is refused, and says why.
	r = fixturePolicy(t, provider(), "alternation-pitfall.sts.yaml").Evaluate(policytest.FixtureToken(t, "custom-sub"))
	if c := policytest.ConditionOn(t, r, "sub"); r.Verdict != policy.Deny || !strings.Contains(joined(c.Diagnosis), "octo-sts/app up to v0.8.0 (@cb87fc17; e.g. an older self-hosted deployment) accepts") {
		t.Errorf("default: %s, %q", r.Verdict, c.Diagnosis)
	}
}
