package oidcprovider

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// FuzzParse: whatever the document, Detect and Parse return, Parse gives
// policies or an error (never both), and every policy evaluates to a
// complete result for ordinary and broken tokens alike; Collect and
// CheckTrust accept whatever Parse gave.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	f.Add([]byte(`{"Url":"token.actions.githubusercontent.com","ClientIDList":["sts.amazonaws.com"],"ThumbprintList":["6938fd4d98bab03faadb97b34396831e3780aea1"]}`))
	f.Add([]byte(`{"Url":"https://x/","ClientIDList":null,"Tags":[{"Key":"a","Value":"b"}],"Url":"y"}`))
	f.Add([]byte(`{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},{"Arn":"arn:aws-cn:iam::2:oidc-provider/x/y"}]}`))
	f.Add([]byte(`{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam::1:saml-provider/x"},1,null]}`))
	toks := policytest.LenientTokens(
		`{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com"}`,
		`{"iss":"https://token.actions.githubusercontent.com","aud":["x","sts.amazonaws.com"],"aud":1}`,
		`{"iss":["https://x"],"aud":{"a":1}}`, `{}`,
	)
	principals := []Principal{
		{Effect: "Allow", ARN: "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com", Partition: "aws", Account: "1", Provider: "token.actions.githubusercontent.com"},
		{Effect: "Allow", ARN: "*"},
	}
	policytest.FuzzParseStrict(f, New, policy.AWS, toks, func(t *testing.T, pols []policy.Policy) {
		known := Collect(pols)
		for _, tok := range toks {
			res := policy.Result{Provider: policy.AWS, Verdict: policy.Allow, Summary: "allowed", Conditions: []policy.Condition{}, Lint: []policy.Finding{}}
			known.CheckTrust(&res, principals, tok)
			policytest.CheckResult(t, policy.AWS, res)
		}
	})
}
