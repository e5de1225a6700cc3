package aws

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func TestAudiences(t *testing.T) {
	const aud = `"token.actions.githubusercontent.com:aud"`
	deny := `{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{` + aud + `:"evil"}}},` +
		`{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},` +
		`"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{` + aud + `:"custom"}}}]}`
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"no aud condition: the client ID GitHub's providers list", trust(`{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:o/r:*"}}`), []string{"sts.amazonaws.com"}},
		{"a pinned audience", trust(`{"StringEquals":{` + aud + `:"https://github.com/octo-org"}}`), []string{"https://github.com/octo-org"}},
		{"sts.amazonaws.com first among several", trust(`{"StringEquals":{` + aud + `:["a","sts.amazonaws.com","a"]}}`), []string{"sts.amazonaws.com", "a"}},
		{"a StringLike literal counts, a pattern does not", trust(`{"StringLike":{` + aud + `:["lit","pat*"]}}`), []string{"lit"}},
		{"negated operators name no audience", trust(`{"StringNotEquals":{` + aud + `:"x"}}`), []string{"sts.amazonaws.com"}},
		{"Deny statements name no audience", deny, []string{"custom"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := policy.Audiences(parseOne(t, tc.doc)); !slices.Equal(got, tc.want) {
				t.Errorf("Audiences() = %q, want %q", got, tc.want)
			}
		})
	}
	fx := policytest.FixturePolicies(t, New(), "aws", "*.json")
	if got := policy.Audiences(fx["get-role-deploy-main.json"]); !slices.Equal(got, []string{"sts.amazonaws.com"}) {
		t.Errorf("get-role-deploy-main.json: %q", got)
	}
	if got := brokenPolicy("s", "n", ErrMalformed).Audiences(); got != nil {
		t.Errorf("a broken role names %q", got)
	}
}
