package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestTokenDecodingAsKubernetes: what kube-apiserver reads of a token's
// JSON. encoding/json keeps the last of duplicated members (claims and
// registered names alike); go-oidc's struct matches registered names
// case-insensitively ("ISS", "Aud") and refuses a token whose sub, iss or
// nonce is not a string; a plain username claim may be empty; and
// claims.a__dot__b reads the claim "a.b". Issue 21, class 9.
func TestTokenDecodingAsKubernetes(t *testing.T) {
	tok := func(members string) func(t *testing.T) policy.Token {
		return func(t *testing.T) policy.Token {
			return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"s","repository_id":"74"`+members+`}`)
		}
	}
	raw := func(json string) func(t *testing.T) policy.Token {
		return func(t *testing.T) policy.Token { return payload(t, json) }
	}
	loginUser := doc(issuerAud + "  claimMappings:\n    username:\n      claim: login\n      prefix: \"\"\n")
	checkVerdicts(t, []verdictCase{
		{name: "a duplicated claim: the last wins", doc: ruleDoc("claims.run_id == '2'"), tok: tok(`,"run_id":"1","run_id":"2"`),
			verdict: policy.Allow, mention: "last"},
		{name: "a duplicated claim: the first is not read", doc: ruleDoc("claims.run_id == '1'"), tok: tok(`,"run_id":"1","run_id":"2"`),
			verdict: policy.Deny},
		{name: "a duplicated iss: the last picks the authenticator",
			doc: ruleDoc("claims.repository_id == '74'"), tok: raw(`{"iss":"https://evil.example","iss":"` + ghIssuer + `","aud":"https://k8s.example.com","sub":"s","repository_id":"74"}`),
			verdict: policy.Allow},
		{name: "ISS is iss to go-oidc",
			doc: ruleDoc("claims.repository_id == '74'"), tok: raw(`{"ISS":"` + ghIssuer + `","aud":"https://k8s.example.com","sub":"s","repository_id":"74"}`),
			verdict: policy.Allow, mention: "case"},
		{name: "Aud is aud to go-oidc",
			doc: ruleDoc("claims.repository_id == '74'"), tok: raw(`{"iss":"` + ghIssuer + `","Aud":"https://k8s.example.com","sub":"s","repository_id":"74"}`),
			verdict: policy.Allow},
		{name: "sub must be a string", doc: ruleDoc("claims.repository_id == '74'"),
			tok:     raw(`{"iss":"` + ghIssuer + `","aud":"https://k8s.example.com","sub":5,"repository_id":"74"}`),
			verdict: policy.Deny, mention: "sub"},
		{name: "nonce must be a string", doc: ruleDoc("claims.repository_id == '74'"), tok: tok(`,"nonce":1`),
			verdict: policy.Deny, mention: "nonce"},
		{name: "an empty username from a claim is accepted", doc: loginUser, tok: tok(`,"login":""`), verdict: policy.Allow},
		{name: "__dot__ reads a claim with a dot", doc: ruleDoc("claims.a__dot__b == 'x'"), tok: tok(`,"a.b":"x"`),
			verdict: policy.Allow, mention: `"a.b"`},
	})
}
