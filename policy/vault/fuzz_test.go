package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// hostileTokens are claim sets that break every assumption.
var hostileTokens = []string{
	`{` + pushMain + `}`,
	`{"aud":["a",1,null],"sub":7,"iss":{"x":1},"repository":["r"],"ref":null,"n":1e400,"l":[[1],{"a":[2]}]}`,
	`{"aud":"a","aud":"b","sub":"s","sub":"t","repository_id":"74","repository_id":74}`,
	`[]`,
	`"just a string"`,
	`{"":"","/":"x","~":{"~":["~"]}}`,
}

// FuzzParse: Parse never panics, returns policies or an error, and
// Evaluate on whatever it returns never panics, for any token.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	policytest.SeedFixtureDocuments(f, "../../fixtures/policies/vault")
	for _, s := range []string{
		jwtRole(`"bound_claims_type":"glob","bound_claims":{"/a/0x1/~1":["*",1,true,null,[1],{"a":1}],"sub":"repo:*"}`),
		`{"roles":{"a":{"data":{"role_type":"jwt"}},"b":[]},"config":{"data":{"bound_issuer":"x"}}}`,
		`{"role_type":"jwt","user_claim":"/a","user_claim_json_pointer":"true","claim_mappings":{"/x":"role","y":"role"}}`,
		`{"bound_audiences":"a,,b , c","expiration_leeway":"2m","clock_skew_leeway":-1,"not_before_leeway":1e30}`,
		`{"role_type":"jwt",`,
	} {
		f.Add([]byte(s))
	}
	policytest.FuzzParseStrict(f, New, policy.Vault, policytest.LenientTokens(hostileTokens...), nil)
}

// FuzzEvaluate: any token payload against the fixture roles and a few
// edge-case roles never panics, and Suggest and Snippets survive it too.
func FuzzEvaluate(f *testing.F) {
	for _, s := range hostileTokens {
		f.Add([]byte(s))
	}
	var pols []policy.Policy
	for _, p := range policytest.FixturePolicies(f, New(), "vault", "*.json") {
		pols = append(pols, p)
	}
	for _, doc := range []string{
		jwtRole(`"user_claim":"/a/b","user_claim_json_pointer":true,"claim_mappings":{"/x/0":"m","n":"k"},"bound_claims":{"/a/b/-":"x","n":[1,true,null,[1],{"a":1}]}`),
		jwtRole(`"bound_claims_type":"glob","bound_claims":{"sub":["repo:*","*"],"/~0/~1":"*"}`),
	} {
		pols = append(pols, parseOne(f, doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _ := decode.ParseJSON("payload", data)
		tok := policy.NewToken(v)
		for _, pol := range pols {
			_ = pol.Evaluate(tok)
		}
		for _, s := range policy.Scopes {
			if sug, err := New().Suggest(tok, s); err == nil {
				if _, err := New().Parse("suggested.json", []byte(sug.Document)); err != nil {
					t.Fatalf("a suggestion does not parse: %v\n%s", err, sug.Document)
				}
			}
		}
		_ = New().Snippets(tok)
	})
}
