package aws

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func TestDetectAndParseShapes(t *testing.T) {
	doc := trust(goodConditions)
	single := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + gh + `"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":` + goodConditions + `}}`
	enc := url.QueryEscape(doc)
	tests := []struct {
		name, data string
		count      int
		names      []string
	}{
		{"trust policy", doc, 1, []string{"src.json"}},
		{"single statement object", single, 1, []string{"src.json"}},
		{"get-role", `{"Role":{"RoleName":"r","Arn":"arn:aws:iam::1:role/r","AssumeRolePolicyDocument":` + doc + `}}`, 1, []string{"arn:aws:iam::1:role/r"}},
		{"get-role without Arn", `{"Role":{"RoleName":"r","AssumeRolePolicyDocument":` + doc + `}}`, 1, []string{"r"}},
		{"get-role URL-encoded", `{"Role":{"RoleName":"r","AssumeRolePolicyDocument":"` + enc + `"}}`, 1, []string{"r"}},
		{"get-role with the document as a JSON string", `{"Role":{"RoleName":"r","AssumeRolePolicyDocument":` + quote(doc) + `}}`, 1, []string{"r"}},
		{"list-roles", `{"Roles":[{"RoleName":"a","AssumeRolePolicyDocument":` + doc + `},{"RoleName":"b","AssumeRolePolicyDocument":"` + enc + `"}]}`, 2, []string{"a", "b"}},
		{"--query Roles", `[{"RoleName":"a","AssumeRolePolicyDocument":` + doc + `}]`, 1, []string{"a"}},
		{"--query Role", `{"RoleName":"a","AssumeRolePolicyDocument":` + doc + `}`, 1, []string{"a"}},
		{"leading BOM and space", "\ufeff \n" + doc, 1, []string{"src.json"}},
	}
	tok := policytest.Payload(t, pushMain(""))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !New().Detect([]byte(tt.data)) {
				t.Errorf("Detect rejects %s", tt.name)
			}
			pols, err := New().Parse("src.json", []byte(tt.data))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(pols) != tt.count {
				t.Fatalf("got %d policies, want %d", len(pols), tt.count)
			}
			for i, p := range pols {
				if p.Name() != tt.names[i] {
					t.Errorf("policy %d name %q, want %q", i, p.Name(), tt.names[i])
				}
				if tt.count > 1 && p.Source() != fmt.Sprintf("src.json#%d", i) {
					t.Errorf("policy %d source %q, want src.json#%d", i, p.Source(), i)
				}
				if res := p.Evaluate(tok); res.Verdict != policy.Allow {
					t.Errorf("policy %d: %s %s %s", i, res.Verdict, res.Summary, res.Error)
				}
			}
		})
	}
}

func TestDetectRejectsOtherProviders(t *testing.T) {
	policytest.CheckDetect(t, New(), false, map[string]string{
		"entra federated credential": `{"name":"gh-prod","issuer":"https://token.actions.githubusercontent.com","subject":"repo:octo-org/octo-repo:environment:prod","audiences":["api://AzureADTokenExchange"]}`,
		"entra flexible credential":  `{"name":"gh","issuer":"https://token.actions.githubusercontent.com","claimsMatchingExpression":{"value":"claims['sub'] matches 'repo:octo-org/*'","languageVersion":1},"audiences":["api://AzureADTokenExchange"]}`,
		"gcp provider":               `{"name":"projects/123/locations/global/workloadIdentityPools/gh/providers/gh","oidc":{"issuerUri":"https://token.actions.githubusercontent.com"},"attributeMapping":{"google.subject":"assertion.sub"},"attributeCondition":"assertion.repository_owner_id == '65'"}`,
		"vault role":                 `{"data":{"role_type":"jwt","user_claim":"sub","bound_audiences":["https://github.com/octo-org"],"bound_claims":{"repository":"octo-org/octo-repo"}}}`,
		"octo-sts yaml":              "issuer: https://token.actions.githubusercontent.com\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\npermissions:\n  contents: read\n",
		"k8s yaml":                   "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://token.actions.githubusercontent.com\n    audiences: [\"https://k8s.example.com\"]\n",
		"k8s json":                   `{"apiVersion":"apiserver.config.k8s.io/v1","kind":"AuthenticationConfiguration","jwt":[{"issuer":{"url":"https://token.actions.githubusercontent.com","audiences":["x"]}}]}`,
		"jwt claims":                 pushMain(""),
		"empty":                      "",
		"string":                     `"Statement Effect"`,
		"yaml with the words":        "Statement:\n- Effect: Allow\n",
	})
	r := rand.New(rand.NewPCG(1, 2))
	keys := []string{"Version", "Effect", "Principal", "name", "issuer", "sub", "Roles2", "Role_", "statement", "data", "a"}
	var gen func(depth int) any
	gen = func(depth int) any {
		switch n := r.IntN(6); {
		case depth > 3 || n == 0:
			return r.IntN(100)
		case n == 1:
			return keys[r.IntN(len(keys))]
		case n == 2:
			return []any{gen(depth + 1), gen(depth + 1)}
		default:
			m := map[string]any{}
			for range r.IntN(4) {
				m[keys[r.IntN(len(keys))]] = gen(depth + 1)
			}
			return m
		}
	}
	for i := range 500 {
		b, _ := json.Marshal(gen(0))
		if New().Detect(b) {
			t.Errorf("random JSON %d detected as AWS: %s", i, b)
		}
	}
}

// TestParseErrors: a document that is no AWS document, or a broken one,
// is an error naming the source, wrapping the sentinel and saying where.
func TestParseErrors(t *testing.T) {
	policytest.CheckParseRefusals(t, New(), "src.json", "src.json: ", []policytest.ParseRefusal{
		{Name: "not JSON", Doc: "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}", Is: decode.ErrNotJSON, Says: []string{"src.json: line 3, column"}},
		{Name: "truncated", Doc: `{"Statement":[`, Is: decode.ErrNotJSON, Says: []string{"unexpected end"}},
		{Name: "no Statement", Doc: `{"Version":"2012-10-17","Foo":1}`, Is: ErrNotAWS, Says: []string{"no Statement, Role, Roles"}},
		{Name: "Statement is a string", Doc: `{"Version":"2012-10-17","Statement":"Allow"}`, Is: ErrMalformed, Says: []string{"Statement at line 1, column 25 is a string"}},
		{Name: "Statement is empty", Doc: `{"Statement":[]}`, Is: ErrMalformed, Says: []string{"is empty"}},
		{Name: "statement is not an object", Doc: "{\"Statement\":[\n" + `{"Effect":"Allow","Principal":"*","Action":"*"}, 7]}`, Is: ErrMalformed, Says: []string{"Statement[1] (in Statement at line 1, column 2) is a number"}},
		{Name: "Role is an array", Doc: `{"Role":[]}`, Is: ErrMalformed, Says: []string{"Role at line 1, column 2 is a array"}},
		{Name: "Roles is an object", Doc: `{"Roles":{}}`, Is: ErrMalformed, Says: []string{"Roles at line 1, column 2 is a object"}},
		{Name: "no roles", Doc: `{"Roles":[]}`, Is: ErrMalformed, Says: []string{"list of roles is empty"}},
		{Name: "document is a number", Doc: `{"Role":{"AssumeRolePolicyDocument":3}}`, Is: ErrMalformed, Says: []string{"Role.AssumeRolePolicyDocument at line 1, column 10 must be an object or a URL-encoded JSON string"}},
		{Name: "bad URL encoding", Doc: `{"Role":{"AssumeRolePolicyDocument":"%zz"}}`, Is: ErrMalformed, Says: []string{"not URL-encoded JSON"}},
		{Name: "encoded garbage", Doc: `{"Role":{"AssumeRolePolicyDocument":"%7B%22Statement%22%3A"}}`, Is: ErrMalformed, Says: []string{"URL-decoded"}},
		{Name: "top-level number", Doc: `42`, Is: ErrNotAWS, Says: []string{"JSON number"}},
		{Name: "trailing data", Doc: `{"Statement":[]} x`, Is: decode.ErrTrailingData, Says: []string{"line 1"}},
	})
}

// TestErroredConditionSaysWhere: an element that cannot be compiled is
// reported with its field path and line.
func TestErroredConditionSaysWhere(t *testing.T) {
	doc := "{\n \"Version\": \"2012-10-17\",\n \"Statement\": [{\n  \"Effect\": \"Allow\",\n  \"Principal\": {\"Federated\": \"arn:aws:iam::1:oidc-provider/" + gh + "\"},\n  \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n  \"Condition\": {\"StringEquals\": {\"" + gh + ":sub\": \"repo:octo-org/octo-repo:ref:refs/heads/main\"},\n   \"StringLikee\": {\"" + gh + ":aud\": \"x\"}}\n }]\n}"
	res := parseOne(t, doc).Evaluate(policytest.Payload(t, pushMain("")))
	if res.Verdict != policy.Error {
		t.Fatalf("verdict %s, want error", res.Verdict)
	}
	c := policytest.ConditionWith(t, res, "StringLikee")
	if c.Result != policy.Errored || !strings.Contains(joined(c.Diagnosis), "Statement[0].Condition.StringLikee, line 8, column 4") {
		t.Errorf("errored condition %+v should locate Statement[0].Condition.StringLikee at line 8", c)
	}
	if !strings.Contains(res.Error, "StringLikee") || !strings.Contains(res.Summary, "cannot be evaluated") {
		t.Errorf("error %q / summary %q should name the problem", res.Error, res.Summary)
	}
	if sub := policytest.ConditionWith(t, res, ":sub"); sub.Result != policy.Pass {
		t.Errorf("the valid condition is still evaluated: %+v", sub)
	}
}
