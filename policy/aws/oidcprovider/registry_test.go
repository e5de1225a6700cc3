package oidcprovider

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestCheckTrust: what a trust policy's result gets from the loaded
// provider documents, per principal it names and per token.
func TestCheckTrust(t *testing.T) {
	const arnGH = "arn:aws:iam::111122223333:oidc-provider/" + ghPath
	gh := Principal{Statement: "Statement[0] Allow", Effect: "Allow", ARN: arnGH, Partition: "aws", Account: "111122223333", Provider: ghPath}
	other := gh
	other.ARN, other.Account = "arn:aws:iam::444455556666:oidc-provider/"+ghPath, "444455556666"
	gitlab := Principal{Statement: "Statement[1] Allow", Effect: "Allow", ARN: "arn:aws:iam::111122223333:oidc-provider/gitlab.com", Partition: "aws", Account: "111122223333", Provider: "gitlab.com"}
	denyGH := gh
	denyGH.Effect, denyGH.Statement = "Deny", "Statement[2] Deny"
	anyProvider := Principal{Statement: "Statement[0] Allow", Effect: "Allow", ARN: "*"}
	listGH := listOutput(t, arnGH)
	listGitlab := listOutput(t, "arn:aws:iam::111122223333:oidc-provider/gitlab.com")
	tests := []struct {
		name       string
		docs       []string
		principals []Principal
		iss        string
		before     policy.Verdict
		outcomes   string // one per condition added
		after      policy.Verdict
		says       string // in the summary or a failing diagnosis
	}{
		{"listed by ARN", []string{listGH}, []Principal{gh}, ghIss, policy.Allow, "pass", policy.Allow, ""},
		{"matched by get output's URL", []string{getOutput(t, ghPath, "sts.amazonaws.com")}, []Principal{gh}, ghIss, policy.Allow, "pass pass", policy.Allow, ""},
		// The role cannot be assumed when its provider refuses the token's
		// audience, however right the trust policy is (#775).
		{"get output without the token's aud", []string{getOutput(t, ghPath, "sigstore")}, []Principal{gh}, ghIss, policy.Allow, "pass fail", policy.Deny,
			`STS would refuse the token before reading this trust policy: "InvalidIdentityToken: Incorrect token audience"`},
		{"list and get output: the get decides the audience", []string{listGH, getOutput(t, ghPath, "sigstore")}, []Principal{gh}, ghIss, policy.Allow, "pass fail", policy.Deny, "Incorrect token audience"},
		{"missing: the token's provider", []string{listGitlab}, []Principal{gh}, ghIss, policy.Allow, "fail", policy.Deny,
			`STS would refuse the token before reading this trust policy: "InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com"`},
		{"missing: another issuer's provider", []string{listGH}, []Principal{gh, gitlab}, ghIss, policy.Allow, "pass n/a", policy.Allow, ""},
		{"listed in another account", []string{listGH}, []Principal{other}, ghIss, policy.Allow, "fail", policy.Deny, "but in account 111122223333 (partition aws); the principal names account 444455556666"},
		{"an empty list: the account has none", []string{`{"OpenIDConnectProviderList":[]}`}, []Principal{gh}, ghIss, policy.Allow, "fail", policy.Deny, "No OpenIDConnect provider found"},
		{"a denied policy leads with STS's answer", []string{listGitlab}, []Principal{gh}, ghIss, policy.Deny, "fail", policy.Deny, "; the trust policy itself: Statement[0] fails"},
		{"an error stays an error", []string{listGitlab}, []Principal{gh}, ghIss, policy.Error, "fail", policy.Error, ""},
		{"Deny statements are not checked", []string{listGitlab}, []Principal{denyGH}, ghIss, policy.Allow, "", policy.Allow, ""},
		{"one condition per provider", []string{listGH}, []Principal{gh, gh}, ghIss, policy.Allow, "pass", policy.Allow, ""},
		{"trusts every provider, the token's listed", []string{listGH}, []Principal{anyProvider}, ghIss, policy.Allow, "pass", policy.Allow, ""},
		{"trusts every provider, the token's missing", []string{listGitlab}, []Principal{anyProvider}, ghIss, policy.Allow, "fail", policy.Deny, "No OpenIDConnect provider found"},
		{"provider differs from the issuer in case", []string{listOutput(t, "arn:aws:iam::111122223333:oidc-provider/Token.Actions.GitHubUserContent.com")}, []Principal{gh}, ghIss, policy.Allow, "fail", policy.Deny, "case-sensitive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pols []policy.Policy
			for _, d := range tt.docs {
				pols = append(pols, parseOne(t, d))
			}
			known := Collect(pols)
			if known == nil {
				t.Fatal("Collect found no provider documents")
			}
			res := policy.Result{Provider: policy.AWS, Verdict: tt.before, Summary: "denied: Statement[0] fails 1 condition: sub", Conditions: []policy.Condition{{Expression: "own"}}}
			if tt.before == policy.Error {
				res.Error = "broken"
			}
			known.CheckTrust(&res, tt.principals, token(t, map[string]any{"iss": tt.iss, "aud": "sts.amazonaws.com"}))
			var got []string
			var diag []string
			for _, c := range res.Conditions[1:] {
				got = append(got, string(c.Result))
				if c.Group != Group || len(c.Claims) != 1 || (c.Claims[0] != "iss" && c.Claims[0] != "aud") {
					t.Errorf("condition %q: group %q, claims %v", c.Expression, c.Group, c.Claims)
				}
				if c.Result != policy.Pass && len(c.Diagnosis) == 0 {
					t.Errorf("condition %q is %s without a diagnosis", c.Expression, c.Result)
				}
				diag = append(diag, c.Diagnosis...)
			}
			if strings.Join(got, " ") != tt.outcomes || res.Verdict != tt.after {
				t.Errorf("conditions %q, verdict %s; want %q, %s\n%+v", got, res.Verdict, tt.outcomes, tt.after, res.Conditions)
			}
			if tt.says != "" && !strings.Contains(res.Summary+"\n"+strings.Join(diag, "\n"), tt.says) {
				t.Errorf("nothing says %q:\n%s\n%s", tt.says, res.Summary, strings.Join(diag, "\n"))
			}
		})
	}
}

func TestCollectOnlyProviderDocuments(t *testing.T) {
	if Collect(nil) != nil {
		t.Error("Collect(nil) is not nil")
	}
	if k := Collect([]policy.Policy{parseOne(t, `{"OpenIDConnectProviderList":[]}`)}); k == nil {
		t.Error("an empty list is a loaded document: the account has no providers")
	}
}
