package entra

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSiblingOfTheSameApp: a credential denies a token on its own (each
// credential keeps its verdict, so its slips are shown), but when another
// credential of the same app has the token's issuer and subject, the
// diagnosis and summary say that Entra accepts the token through that
// one, and do not advise "trust both" to an app that already does.
func TestSiblingOfTheSameApp(t *testing.T) {
	pols := loadFixturePolicies(t)
	envProd := policytest.FixtureToken(t, "environment-prod")
	tests := []struct {
		source  string
		token   policy.Token
		sibling string // "" = no sibling note
		advice  string // a line that must be there
	}{
		{"graph-list-environment-prod.json#2", envProd, `"octo-repo-env-prod" (#1)`, "the pair already trusts both forms"},
		// Same identity: #2 holds the exact environment subject.
		{"az-identity-list.json#1", envProd, `"octo-repo-prod" (#2)`, "environment form"},
		// #3 lets the token in, but it is flexible: only standard
		// siblings with the exact subject are named.
		{"uami-arm-list.json#2", envProd, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.source, func(t *testing.T) {
			p, ok := pols[tc.source]
			if !ok {
				t.Fatalf("no fixture %s", tc.source)
			}
			r := p.Evaluate(tc.token)
			if r.Verdict != policy.Deny {
				t.Fatalf("verdict %s, want deny (the credential on its own)", r.Verdict)
			}
			c := policytest.ConditionWith(t, r, `"subject"`)
			note := policytest.HasLine(c.Diagnosis, "of the same app or identity has this token's issuer and subject exactly")
			inSummary := strings.Contains(r.Summary, "any one federated credential of the app matches")
			if tc.sibling == "" {
				if note || inSummary {
					t.Errorf("a sibling note without a sibling: %q / %s", c.Diagnosis, r.Summary)
				}
				return
			}
			if !note || !policytest.HasLine(c.Diagnosis, tc.sibling) || !inSummary {
				t.Errorf("no note of sibling %s:\n%s\nsummary: %s", tc.sibling, strings.Join(c.Diagnosis, "\n"), r.Summary)
			}
			if !policytest.HasLine(c.Diagnosis, tc.advice) {
				t.Errorf("no line %q in\n%s", tc.advice, strings.Join(c.Diagnosis, "\n"))
			}
			for _, d := range c.Diagnosis {
				if strings.HasSuffix(d, ": trust both") || strings.HasSuffix(d, "trust both during the migration") {
					t.Errorf("advises trust both to an app that does: %q", d)
				}
			}
		})
	}
	// A lone immutable credential still gets the advice.
	lone := parseOne(t, standardFIC(gh, "repo:octo-org@65/octo-repo@74:environment:prod", azureAud))
	c := policytest.ConditionWith(t, lone.Evaluate(envProd), `"subject"`)
	if !policytest.HasLine(c.Diagnosis, "trust both") {
		t.Errorf("a lone immutable credential lost the trust-both advice: %q", c.Diagnosis)
	}
}
