package view_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report/view"
)

// A denied policy ends with what its provider answers, so a user can
// match it with the line in their log; where the provider's own result
// already quotes it (Entra's summary, Vault's diagnosis), nothing is
// added, and an allowed policy has none.
func TestPolicyEndsWithTheProvidersAnswer(t *testing.T) {
	cond := func(claim string) policy.Condition {
		return policy.Condition{Expression: claim + " == x", Claims: []string{claim}, Result: policy.Fail}
	}
	cases := []struct {
		name string
		res  policy.Result
		want string
	}{
		{"aws deny", policy.Result{Provider: policy.AWS, Verdict: policy.Deny, Conditions: []policy.Condition{cond("sub")}},
			"Not authorized to perform sts:AssumeRoleWithWebIdentity"},
		{"aws deny on aud", policy.Result{Provider: policy.AWS, Verdict: policy.Deny, Conditions: []policy.Condition{cond("aud")}},
			"Not authorized to perform sts:AssumeRoleWithWebIdentity"},
		// Google Cloud checks the issuer, the audience, the mappings and
		// then the condition, each refusal with its own message, the
		// token's values in it.
		{"gcp deny", gcpDeny(policy.Condition{Expression: "attributeCondition: assertion.repository == 'x'", Claims: []string{"repository"}, Result: policy.Fail}),
			"Google Cloud answers: The given credential is rejected by the attribute condition."},
		{"gcp issuer", gcpDeny(policy.Condition{Expression: "oidc.issuerUri: https://token.actions.githubusercontent.com", Claims: []string{"iss"}, Expected: []string{"https://token.actions.githubusercontent.com"},
			Actual: "https://token.actions.githubusercontent.com/avocado-corp", Result: policy.Fail}),
			"Google Cloud answers: The issuer in ID Token https://token.actions.githubusercontent.com/avocado-corp does not match the expected ones: https://token.actions.githubusercontent.com"},
		{"gcp audience", gcpDeny(policy.Condition{Expression: "oidc.allowedAudiences: [https://github.com/octo-org]", Claims: []string{"aud"}, Expected: []string{"https://github.com/octo-org"},
			Actual: "sts.amazonaws.com", Result: policy.Fail}),
			"Google Cloud answers: The audience in ID Token [sts.amazonaws.com] does not match the expected audience https://github.com/octo-org."},
		{"gcp default audience", gcpDeny(policy.Condition{Expression: "audience: //iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh (default: oidc.allowedAudiences is empty)",
			Claims: []string{"aud"}, Expected: []string{"//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh"}, Actual: "sts.amazonaws.com", Result: policy.Fail},
			policy.Condition{Expression: "attributeCondition: assertion.repository == 'x'", Claims: []string{"repository"}, Result: policy.Fail}),
			"Google Cloud answers: The audience in ID Token [sts.amazonaws.com] does not match the expected audience //iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh."},
		{"gcp subject too long", gcpDeny(policy.Condition{Expression: "google.subject = assertion.sub", Claims: []string{"sub"}, Result: policy.Fail,
			Diagnosis: []string{"google.subject is 193 bytes, over Google Cloud's 127-byte limit", "Google Cloud rejects the token: The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify …"}},
			policy.Condition{Expression: "attributeCondition: assertion.repository == 'x'", Claims: []string{"repository"}, Result: policy.Pass}),
			"Google Cloud answers: The size of mapped attribute google.subject exceeds the 127 bytes limit."},
		// A mapping that fails otherwise: oidcscope does not know the
		// words, so it quotes none rather than the condition's.
		{"gcp mapping fails", gcpDeny(policy.Condition{Expression: "attribute.environment = assertion.environment", Claims: []string{"environment"}, Result: policy.Fail},
			policy.Condition{Expression: "attributeCondition: assertion.repository == 'x'", Claims: []string{"repository"}, Result: policy.Pass}), ""},
		// STS refuses at the provider check before any trust policy, with its
		// own error: that is what the log says, not "Not authorized".
		{"aws provider document refuses aud", providerDoc(t).Evaluate(awsToken(t)), "AWS answers: InvalidIdentityToken: Incorrect token audience"},
		{"aws trust policy refused at the provider", refusedTrust(t), "AWS answers: InvalidIdentityToken: Incorrect token audience"},
		{"aws allow", policy.Result{Provider: policy.AWS, Verdict: policy.Allow}, ""},
		{"aws error", policy.Result{Provider: policy.AWS, Verdict: policy.Error, Error: "not a policy"}, ""},
		{"entra deny", policy.Result{Provider: policy.Entra, Verdict: policy.Deny, Summary: `denied — Entra answers AADSTS700213 / AADSTS70021: "No matching federated identity record found for presented assertion"`,
			Conditions: []policy.Condition{cond("sub")}}, ""},
		{"vault deny", policy.Result{Provider: policy.Vault, Verdict: policy.Deny, Conditions: []policy.Condition{cond("sub")}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := view.PolicyOf(&inspect.Report{}, tc.res)
			if tc.want == "" {
				if p.ProviderAnswer != "" {
					t.Errorf("answer %q, want none", p.ProviderAnswer)
				}
				return
			}
			if !strings.Contains(p.ProviderAnswer, tc.want) || (tc.res.Provider == policy.AWS && strings.Contains(tc.want, "InvalidIdentityToken") && strings.Contains(p.ProviderAnswer, "Not authorized")) {
				t.Errorf("answer %q, want it to quote %q", p.ProviderAnswer, tc.want)
			}
		})
	}
}

// gcpDeny is a denied Google Cloud provider with conditions cs.
func gcpDeny(cs ...policy.Condition) policy.Result {
	return policy.Result{Provider: policy.GCP, Verdict: policy.Deny, Conditions: cs}
}

// providerDoc is get-open-id-connect-provider output for GitHub's issuer
// listing only Entra's audience.
func providerDoc(t *testing.T) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, oidcprovider.New(), "provider.json",
		`{"Url":"token.actions.githubusercontent.com","ClientIDList":["api://AzureADTokenExchange"],"ThumbprintList":[]}`)
}

func awsToken(t *testing.T) policy.Token {
	return policytest.Payload(t, `{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}`)
}

// refusedTrust is an allowing trust policy's result once the provider
// document refuses the token's audience.
func refusedTrust(t *testing.T) policy.Result {
	res := policy.Result{Provider: policy.AWS, Verdict: policy.Allow, Conditions: []policy.Condition{
		{Expression: `StringEquals "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"`, Claims: []string{"aud"}, Result: policy.Pass}}}
	gh := oidcprovider.Principal{Statement: "Statement[0] Allow", Effect: "Allow", ARN: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
		Partition: "aws", Account: "111122223333", Provider: "token.actions.githubusercontent.com"}
	oidcprovider.Collect([]policy.Policy{providerDoc(t)}).CheckTrust(&res, []oidcprovider.Principal{gh}, awsToken(t))
	return res
}
