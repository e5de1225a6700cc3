package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	// Small seeds: the fuzzer minimizes every new input it finds, and
	// minimizing a multi-kilobyte list-roles dump takes the whole run.
	f.Add([]byte(trust(goodConditions)))
	f.Add([]byte(`{"Role":{"Arn":"a","AssumeRolePolicyDocument":` + trust(`{"StringLike":{"`+gh+`:sub":"repo:o/*"}}`) + `}}`))
	f.Add([]byte(trust(`{"ForAllValues:StringNotLikeIfExists":{"` + gh + `:aud":["*",1,true]},"Null":{"aws:x":"true"},"IpAddress":{"aws:SourceIp":"1.2.3.4/32"}}`)))
	f.Add([]byte(`{"Statement":[{"Effect":"Deny","NotPrincipal":"*","NotAction":["*"],"Condition":{"Bool":{"a:b":"x"}}}]}`))
	f.Add([]byte(`{"Roles":[{"AssumeRolePolicyDocument":"%7B%22Statement%22%3A%5B%5D%7D"},1,null]}`))
	f.Add([]byte(`[{"AssumeRolePolicyDocument":{"Statement":{"Effect":"Allow","Principal":{"Federated":["*"]},"Action":"*"}}}]`))
	toks := policytest.LenientTokens(pushMain(""), pushMain(`"aud":["sts.amazonaws.com",1]`), `{"iss":"https://token.actions.githubusercontent.com","sub":{"a":1},"aud":null}`, `{}`)
	policytest.FuzzParseStrict(f, New, policy.AWS, toks, nil)
}

// tokenSeeds are compact payloads (the fuzzer minimizes every new input
// exec by exec, so seeds stay small): push-main's claims that AWS reads,
// and variants.
func tokenSeeds(f *testing.F) {
	f.Add([]byte(pushMain("")))
	f.Add([]byte(pushMain(`"sub":"repo:octo-org@65/octo-repo@74:environment:prod","environment":"prod"`)))
	f.Add([]byte(pushMain(`"iss":"https://token.actions.githubusercontent.com/avocado-corp","enterprise_id":"4113","aud":"https://github.com/octo-org"`)))
	f.Add([]byte(pushMain(`"sub":"repo:a*b/c?d:ref:x","iss":"https://HOST:8443/_services/token","aud":["x","sts.amazonaws.com"]`)))
	f.Add([]byte(dupMain(`"iss":"https://evil","sub":"\u202erepo:x\u001b"`)))
}

// objectToken is a fuzzed payload as a token, when it is a JSON object as
// a token's claims always are.
func objectToken(payload []byte) (policy.Token, bool) {
	v, _ := decode.ParseJSON("payload", payload)
	return policy.NewToken(v), v.Kind == decode.Object
}

// FuzzToken evaluates hostile token payloads against a few fixture
// policies and an operator-heavy one.
func FuzzToken(f *testing.F) {
	var pols []policy.Policy
	for _, file := range []string{"trust-deny-pull-requests.json", "trust-enterprise-slug.json", "get-role-urlencoded.json"} {
		for _, p := range policytest.FixturePolicies(f, New(), "aws", file) {
			pols = append(pols, p)
		}
	}
	heavy := trust(`{"ForAllValues:StringLike":{"` + gh + `:aud":["s*"]},"ForAnyValue:StringNotEquals":{"` + gh + `:sub":"x"},` +
		`"StringNotLikeIfExists":{"` + gh + `:environment":"?"},"Null":{"` + gh + `:ref":"false"},"Bool":{"` + gh + `:actor":"true"},` +
		`"StringEqualsIgnoreCase":{"` + gh + `:repository_owner_id":"65","` + gh + `/slug:sub":"x"},` +
		`"StringLike":{"` + gh + `:sub":"repo:${` + gh + `:repository}:*${?}${aws:SourceIp}","` + gh + `:ref":"${` + gh + `:ref, 'x'}${` + gh + `:ref}*"},` +
		`"StringNotEquals":{"` + gh + `:aud":["${` + gh + `:azp}","${aws:username}${$}"]}}`)
	pols = append(pols, parseOne(f, heavy))
	tokenSeeds(f)
	f.Fuzz(func(t *testing.T, payload []byte) {
		tok, ok := objectToken(payload)
		if !ok {
			return
		}
		for _, p := range pols {
			policytest.CheckResult(t, policy.AWS, p.Evaluate(tok))
		}
		New().Snippets(tok)
	})
}

// FuzzSuggest checks that every suggestion made for a hostile token parses
// and allows that token.
func FuzzSuggest(f *testing.F) {
	tokenSeeds(f)
	f.Fuzz(func(t *testing.T, payload []byte) {
		tok, ok := objectToken(payload)
		if !ok {
			return
		}
		for _, scope := range policy.Scopes {
			sug, err := New().Suggest(tok, scope)
			if err != nil {
				continue
			}
			sp, err := New().Parse("suggestion.json", []byte(sug.Document))
			if err != nil {
				t.Fatalf("the %s suggestion does not parse: %v\n%s", scope, err, sug.Document)
			}
			if res := sp[0].Evaluate(tok); res.Verdict != policy.Allow {
				t.Errorf("the %s suggestion does not allow its token: %s\n%s\npayload: %s", scope, res.Summary, sug.Document, payload)
			}
		}
	})
}
