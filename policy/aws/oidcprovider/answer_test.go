package oidcprovider

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestAnswer: the error STS returns for a result the provider check
// decides, word for word, so the report's last line matches the log; a
// trust policy the check passed is not this package's to answer.
func TestAnswer(t *testing.T) {
	const arnGH = "arn:aws:iam::111122223333:oidc-provider/" + ghPath
	gh := Principal{Statement: "Statement[0] Allow", Effect: "Allow", ARN: arnGH, Partition: "aws", Account: "111122223333", Provider: ghPath}
	trust := func(doc string, tok policy.Token) policy.Result {
		res := policy.Result{Provider: policy.AWS, Verdict: policy.Deny, Summary: "denied: Statement[0] fails 1 condition: sub"}
		Collect([]policy.Policy{parseOne(t, doc)}).CheckTrust(&res, []Principal{gh}, tok)
		return res
	}
	tests := []struct {
		name   string
		res    policy.Result
		answer string
		found  bool
	}{
		{"document: aud not in the client-ID list", parseOne(t, getOutput(t, ghPath, "api://AzureADTokenExchange")).Evaluate(ghToken(t, "sts.amazonaws.com")),
			"InvalidIdentityToken: Incorrect token audience", true},
		{"document: no aud", parseOne(t, getOutput(t, ghPath, "sts.amazonaws.com")).Evaluate(token(t, map[string]any{"iss": ghIss})),
			"InvalidIdentityToken: Missing a required claim: aud", true},
		{"document: another issuer's provider does not decide", parseOne(t, getOutput(t, "gitlab.com", "sts.amazonaws.com")).Evaluate(ghToken(t, "sts.amazonaws.com")),
			"", true},
		{"list: no provider for the issuer", parseOne(t, listOutput(t, "arn:aws:iam::111122223333:oidc-provider/gitlab.com")).Evaluate(ghToken(t, "sts.amazonaws.com")),
			"InvalidIdentityToken: No OpenIDConnect provider found in your account for " + ghIss, true},
		{"trust policy: the provider refuses the audience", trust(getOutput(t, ghPath, "api://AzureADTokenExchange"), ghToken(t, "sts.amazonaws.com")),
			"InvalidIdentityToken: Incorrect token audience", true},
		{"trust policy: no provider", trust(listOutput(t, "arn:aws:iam::111122223333:oidc-provider/gitlab.com"), ghToken(t, "sts.amazonaws.com")),
			"InvalidIdentityToken: No OpenIDConnect provider found in your account for " + ghIss, true},
		{"trust policy: the provider passes, the policy decides", trust(getOutput(t, ghPath, "sts.amazonaws.com"), ghToken(t, "sts.amazonaws.com")),
			"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answer, found := Answer(tt.res)
			if answer != tt.answer || found != tt.found {
				t.Errorf("Answer = %q, %v; want %q, %v\nsummary: %s", answer, found, tt.answer, tt.found, tt.res.Summary)
			}
		})
	}
}
