package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// goodConditions is a trust policy condition no rule objects to.
const goodConditions = `{"StringEquals":{"` + gh + `:aud":"sts.amazonaws.com","` + gh + `:sub":["repo:octo-org/octo-repo:ref:refs/heads/main","repo:octo-org@65/octo-repo@74:ref:refs/heads/main"],"` + gh + `:repository_id":"74"}}`

func TestLintSilentOnAGoodPolicy(t *testing.T) {
	res := parseOne(t, trust(goodConditions)).Evaluate(policytest.Payload(t, pushMain("")))
	if len(res.Lint) != 0 {
		t.Errorf("a well-scoped policy should have no findings, got %+v", res.Lint)
	}
	if res.Verdict != policy.Allow {
		t.Errorf("verdict %s: %s", res.Verdict, res.Summary)
	}
}

func TestLintRules(t *testing.T) {
	aud := `"` + gh + `:aud":"sts.amazonaws.com"`
	sub := func(op, v string) string { return `"` + op + `":{"` + gh + `:sub":` + v + `}` }
	tests := []struct {
		rule, severity string
		bad, good      string // whole documents
		message        string // substring of the finding
	}{
		{RuleNoSubCondition, policy.SevError,
			trust(`{"StringEquals":{` + aud + `}}`), trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:octo-org/octo-repo:ref:refs/heads/main"`) + `}`),
			"MalformedPolicyDocument: Trust policy with trusted principal arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, token.actions.githubusercontent.com:sub which is not scoped to all."},
		{RuleNoSubCondition, policy.SevError,
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"*"`) + `}`), trust(`{"StringEquals":{` + aud + `},` + sub("StringEqualsIgnoreCase", `"repo:octo-org/octo-repo:ref:refs/heads/main"`) + `}`),
			"not scoped to all"},
		{RuleNoSubCondition, policy.SevError,
			trust(`{"StringEquals":{` + aud + `},` + sub("StringNotEquals", `"repo:evil/x:ref:refs/heads/main"`) + `}`), trust(goodConditions),
			"without a StringEquals, StringLike or StringEqualsIgnoreCase"},
		{RuleForAllValuesInAllow, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `},` + sub("ForAllValues:StringLike", `"repo:octo-org/octo-repo:ref:*"`) + `,` + sub("StringLike", `"repo:octo-org/octo-repo:ref:*"`) + `}`),
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:octo-org/octo-repo:ref:*"`) + `}`),
			"true when the key is missing or empty"},
		{RuleWildcardInStringEquals, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `,"` + gh + `:sub":"repo:octo-org/octo-repo:*"}}`),
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:octo-org/octo-repo:ref:refs/heads/*"`) + `}`),
			"contains a wildcard, but StringEquals compares literally"},
		{RuleSubOrgWide, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:octo-org/*"`) + `}`), trust(goodConditions),
			"every repository of the owner"},
		{RuleSubOrgWide, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:octo-org/*:*"`) + `}`), trust(goodConditions),
			"every repository of the owner"},
		{RuleSubOrgWide, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:*"`) + `}`), trust(goodConditions),
			"every repository of every owner"},
		{RuleSubAnyRef, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `},` + sub("StringLike", `"repo:octo-org/octo-repo:*"`) + `}`),
			trust(`{"StringEquals":{` + aud + `,"` + gh + `:ref":"refs/heads/main"},` + sub("StringLike", `"repo:octo-org/octo-repo:*"`) + `}`),
			"any branch, tag, pull request or environment"},
		{RuleNoAudCondition, policy.SevInfo,
			trust(`{` + sub("StringEquals", `"repo:octo-org/octo-repo:ref:refs/heads/main"`) + `}`), trust(goodConditions),
			"no condition on token.actions.githubusercontent.com:aud"},
		{RulePrincipalWildcard, policy.SevWarning,
			strings.Replace(trust(goodConditions), `{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}`, `"*"`, 1), trust(goodConditions),
			`Principal "*"`},
		{RuleKeyNotEvaluated, policy.SevInfo,
			trust(`{"StringEquals":{` + aud + `,"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main","` + gh + `:repository_owner":"octo-org"}}`), trust(goodConditions),
			"not a key AWS evaluates for GitHub"},
		{RuleKeyNotEvaluated, policy.SevInfo,
			trust(`{"StringEquals":{` + aud + `,"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main","` + gh + `:runner_environment":"github-hosted"}}`), trust(goodConditions),
			"not a key AWS evaluates for GitHub (AWS reads amr, aud, email, oaud and sub and, for GitHub's issuers"},
		{RuleDuplicateKey, policy.SevWarning,
			trust(`{"StringEquals":{` + aud + `},"StringEquals":{"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`), trust(goodConditions),
			`"StringEquals"`},
	}
	tok := policytest.Payload(t, pushMain(""))
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			bad := parseOne(t, tt.bad).Evaluate(tok).Lint
			var found *policy.Finding
			for i := range bad {
				if bad[i].Rule == tt.rule {
					found = &bad[i]
				}
			}
			if found == nil {
				t.Fatalf("%s does not fire on\n%s\nfindings: %+v", tt.rule, tt.bad, bad)
			}
			if found.Severity != tt.severity || !strings.Contains(found.Message, tt.message) {
				t.Errorf("%s: severity %s message %q; want %s containing %q", tt.rule, found.Severity, found.Message, tt.severity, tt.message)
			}
			if good := parseOne(t, tt.good).Evaluate(tok).Lint; policytest.HasRule(good, tt.rule) {
				t.Errorf("%s fires on a good sample:\n%s\n%+v", tt.rule, tt.good, good)
			}
		})
	}
}

func TestLintDenyStatementsAreNotBroad(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":[
	{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + gh + `"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":` + goodConditions + `},
	{"Effect":"Deny","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + gh + `"},"Action":"sts:AssumeRoleWithWebIdentity",
	 "Condition":{"StringLike":{"` + gh + `:sub":"repo:*"},"ForAllValues:StringEquals":{"` + gh + `:aud":"x"}}}]}`
	lint := parseOne(t, doc).Evaluate(policytest.Payload(t, pushMain(""))).Lint
	for _, rule := range []string{RuleSubOrgWide, RuleForAllValuesInAllow, RuleNoSubCondition, RuleNoAudCondition} {
		if policytest.HasRule(lint, rule) {
			t.Errorf("%s should not fire for a Deny statement: %+v", rule, lint)
		}
	}
}

func TestLintAudClientID(t *testing.T) {
	p := parseOne(t, trust(`{"StringEquals":{"`+gh+`:sub":"repo:octo-org/octo-repo:environment:prod"}}`))
	if lint := p.Evaluate(policytest.FixtureToken(t, "environment-prod")).Lint; !policytest.HasRule(lint, RuleAudClientID) {
		t.Errorf("a token with aud api://AzureADTokenExchange should get %s: %+v", RuleAudClientID, lint)
	}
	if lint := p.Evaluate(policytest.FixtureToken(t, "push-main")).Lint; policytest.HasRule(lint, RuleAudClientID) {
		t.Errorf("push-main has aud sts.amazonaws.com; no %s expected", RuleAudClientID)
	}
	if lint := p.Evaluate(policytest.FixtureToken(t, "enterprise")).Lint; policytest.HasRule(lint, RuleAudClientID) {
		t.Errorf("the enterprise token's issuer is not trusted by this policy, so its aud is irrelevant")
	}
}
