package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestDiagnoses checks the explanation of the classic failures: the
// condition fails (or is n/a) and its diagnosis says why.
func TestDiagnoses(t *testing.T) {
	sub := `"` + gh + `:sub"`
	tests := []struct {
		name   string
		doc    string
		claims string // "" = push-main
		token  string // a fixture token instead of claims
		expr   string // the condition to look at (substring of its expression)
		result policy.Outcome
		want   []string
		not    []string
	}{
		{"environment form vs ref form", trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:refs/heads/main"}}`), "", "environment-prod", ":sub", policy.Fail,
			[]string{"in environment form but the policy expects ref form", "always gets environment:<name>", "first difference at character 25"}, nil},
		{"ref form vs environment form", trust(`{"StringLike":{` + sub + `:"repo:octo-org/octo-repo:environment:prod"}}`), "", "push-main", ":sub", policy.Fail,
			[]string{"in ref form but the policy expects environment form"}, nil},
		{"legacy policy, immutable token", trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:refs/heads/main"}}`), "", "immutable-sub", ":sub", policy.Fail,
			[]string{"uses the immutable form", "trust both"}, nil},
		{"both forms trusted: no advice to trust both", trust(`{"StringEquals":{` + sub + `:["repo:octo-org/octo-repo:ref:refs/heads/dev","repo:octo-org@65/octo-repo@74:ref:refs/heads/dev"]}}`), "", "immutable-sub", ":sub", policy.Fail,
			[]string{"expected: repo:octo-org@65/octo-repo@74:ref:refs/heads/dev"}, []string{"trust both"}},
		{"case-only mismatch under StringEquals", trust(`{"StringEquals":{` + sub + `:"repo:Octo-Org/octo-repo:ref:refs/heads/main"}}`), "", "push-main", ":sub", policy.Fail,
			[]string{"differs only in case: AWS compares sub case-sensitively"}, nil},
		{"case-only mismatch under StringLike", trust(`{"StringLike":{` + sub + `:"repo:octo-org/Octo-Repo:*"}}`), "", "push-main", ":sub", policy.Fail,
			[]string{"matches only if case is ignored", "only in case before its first wildcard"}, nil},
		{"IgnoreCase says nothing about case", trust(`{"StringEqualsIgnoreCase":{` + sub + `:"repo:octo-org/other:ref:refs/heads/main"}}`), "", "push-main", ":sub", policy.Fail,
			nil, []string{"only in case"}},
		{"wrong aud", trust(`{"StringEquals":{"` + gh + `:aud":"sts.amazonaws.com"}}`), "", "environment-prod", ":aud", policy.Fail,
			[]string{`AWS expects aud "sts.amazonaws.com" by default`}, nil},
		{"wrong aud under StringLike", trust(`{"StringLike":{"` + gh + `:aud":"sts.*"}}`), "", "environment-prod", ":aud", policy.Fail,
			[]string{`AWS expects aud "sts.amazonaws.com" by default`}, nil},
		{"issuer with a trailing slash", trust(`{"StringEquals":{` + sub + `:"x"}}`), pushMain(`"iss":"https://token.actions.githubusercontent.com/"`), "", "Principal", policy.Fail,
			[]string{"ends in a slash", "oidc-provider/token.actions.githubusercontent.com/"}, nil},
		{"absent environment", trust(`{"StringEquals":{"` + gh + `:environment":"prod"}}`), "", "push-main", ":environment", policy.Fail,
			[]string{"the job does not reference an environment", "missing from the request is false"}, nil},
		{"wildcard in StringEquals", trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:*"}}`), "", "push-main", ":sub", policy.Fail,
			[]string{"contains a wildcard, but StringEquals compares literally", "as StringLike"}, nil},
		{"key for another issuer", trust(`{"StringEquals":{"` + gh + `/avocado-corp:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`), "", "push-main", "avocado-corp:sub", policy.Fail,
			[]string{"this key is for issuer https://token.actions.githubusercontent.com/avocado-corp, the token's issuer is https://token.actions.githubusercontent.com"}, nil},
		{"key AWS does not evaluate", trust(`{"StringEquals":{"` + gh + `:event_name":"push"}}`), "", "push-main", ":event_name", policy.Fail,
			[]string{"not a key AWS evaluates for this provider", "the token does have event_name = push"}, nil},
		{"GitHub key on GHES with the hypothetical outcome", strings.Replace(trust(`{"StringEquals":{"ghes.example.com/_services/token:repository_owner_id":"65"}}`), "oidc-provider/"+gh, "oidc-provider/ghes.example.com/_services/token", 1),
			pushMain(`"iss":"https://ghes.example.com/_services/token"`), "", ":repository_owner_id", policy.Fail,
			[]string{"not for GitHub Enterprise Server", "if AWS does read repository_owner_id for this issuer, the condition would pass"}, nil},
		{"principal for another issuer", strings.Replace(trust(`{"StringEquals":{`+sub+`:"x"}}`), "githubusercontent.com\"}", "githubusercontent.com/avocado-corp\"}", 1), "", "push-main", "Principal", policy.Fail,
			[]string{"arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com", "first difference"}, nil},
		{"duplicated claim", trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:refs/heads/main"}}`), dupMain(`"sub":"repo:evil/x:ref:refs/heads/main"`), "", ":sub", policy.Fail,
			[]string{"carries sub 2 times"}, nil},
		{"negated operator", trust(`{"StringNotLike":{` + sub + `:"repo:octo-org/*"}}`), "", "push-main", ":sub", policy.Fail,
			[]string{`which StringNotLike excludes (it matches "repo:octo-org/*")`}, nil},
		{"Null true on a present key", trust(`{"Null":{` + sub + `:"true"}}`), "", "push-main", ":sub", policy.Fail,
			[]string{"Null true requires"}, nil},
		{"array aud interpretation", trust(`{"StringEquals":{"` + gh + `:aud":"sts.amazonaws.com"}}`), pushMain(`"aud":["a","b"]`), "", ":aud", policy.Fail,
			[]string{"require a condition set operator", "if it compared each element"}, nil},
		{"issuer that is not https", trust(`{"StringEquals":{` + sub + `:"x"}}`), pushMain(`"iss":"token.actions.githubusercontent.com"`), "", "Principal", policy.Fail,
			[]string{"not an https URL"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tok policy.Token
			if tt.token != "" {
				tok = policytest.FixtureToken(t, tt.token)
			} else {
				claims := tt.claims
				if claims == "" {
					claims = pushMain("")
				}
				tok = policytest.Payload(t, claims)
			}
			res := parseOne(t, tt.doc).Evaluate(tok)
			c := policytest.ConditionWith(t, res, tt.expr)
			if c.Result != tt.result {
				t.Errorf("result %s, want %s (%s)", c.Result, tt.result, res.Summary)
			}
			policytest.CheckText(t, "diagnosis", joined(c.Diagnosis), tt.want, tt.not)
		})
	}
}

// TestConditionFields: a condition reports the claim it reads, what the
// policy expects, what the token holds, and the statement it belongs to.
func TestConditionFields(t *testing.T) {
	res := parseOne(t, trust(`{"StringEquals":{"`+gh+`:environment":"prod","`+gh+`:sub":["a","b"]}}`)).Evaluate(policytest.Payload(t, pushMain("")))
	env := policytest.ConditionWith(t, res, ":environment")
	if env.Claims[0] != "environment" || !env.Absent || env.Actual != "" || env.Expected[0] != "prod" || env.Group != "Statement[0] Allow" {
		t.Errorf("environment condition fields: %+v", env)
	}
	s := policytest.ConditionWith(t, res, ":sub")
	if s.Expression != `StringEquals "token.actions.githubusercontent.com:sub": ["a","b"]` || s.Actual != "repo:octo-org/octo-repo:ref:refs/heads/main" || len(s.Expected) != 2 {
		t.Errorf("sub condition fields: %+v", s)
	}
	p := policytest.ConditionWith(t, res, "Principal")
	if p.Claims[0] != "iss" || p.Result != policy.Pass {
		t.Errorf("principal condition: %+v", p)
	}
}
