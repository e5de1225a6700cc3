package vault

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func TestDetect(t *testing.T) {
	accept := map[string]string{
		"vault read envelope": `{"request_id":"x","lease_id":"","data":{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"]},"warnings":null}`,
		"bare role":           `{"role_type":"jwt","user_claim":"repository","bound_claims":{"repository_id":"74"}}`,
		"role_type only":      `{"role_type":"jwt"}`,
		"config and roles":    `{"config":{"bound_issuer":"https://token.actions.githubusercontent.com"},"roles":{"deploy":{"role_type":"jwt","user_claim":"sub"}}}`,
		"enveloped roles":     `{"roles":{"deploy":{"data":{"bound_subject":"x"}}}}`,
		"bare config":         `{"bound_issuer":"https://token.actions.githubusercontent.com","oidc_discovery_url":"https://token.actions.githubusercontent.com"}`,
		"broken role JSON":    `{"role_type":"jwt","user_claim":"repository",}`,
		"BOM and spaces":      "\xef\xbb\xbf \n" + `{"bound_audiences":["a"]}`,
	}
	for name, doc := range accept {
		if !New().Detect([]byte(doc)) {
			t.Errorf("%s: Detect = false for %s", name, doc)
		}
	}
	reject := map[string]string{
		"AWS trust policy":      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}`,
		"AWS get-role":          `{"Role":{"RoleName":"r","Arn":"arn:aws:iam::1:role/r","AssumeRolePolicyDocument":{"Statement":[]}}}`,
		"Entra credential":      `{"name":"c","issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:ref:refs/heads/main","audiences":["api://AzureADTokenExchange"]}`,
		"Entra list":            `{"value":[{"name":"c","issuer":"i","subject":"s","audiences":["a"]}]}`,
		"GCP provider":          `{"name":"projects/1/locations/global/workloadIdentityPools/p/providers/gh","attributeMapping":{"google.subject":"assertion.sub"},"attributeCondition":"assertion.repository_owner_id == '65'","oidc":{"issuerUri":"https://token.actions.githubusercontent.com"}}`,
		"octo-sts YAML":         "issuer: https://token.actions.githubusercontent.com\nsubject: repo:o/r:ref:refs/heads/main\npermissions:\n  contents: read\n",
		"k8s YAML":              "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://token.actions.githubusercontent.com\n",
		"k8s JSON":              `{"apiVersion":"apiserver.config.k8s.io/v1","kind":"AuthenticationConfiguration","jwt":[{"issuer":{"url":"https://x","audiences":["a"]},"claimMappings":{"username":{"claim":"sub"}}}]}`,
		"vault list output":     `{"request_id":"x","data":{"keys":["deploy","ci"]}}`,
		"random JSON":           `{"name":"x","roles":{"admin":true},"data":{"a":1}}`,
		"array":                 `[{"role_type":"jwt","user_claim":"sub"}]`,
		"role_type of other":    `{"role_type":"admin"}`,
		"empty":                 ``,
		"roles of other things": `{"roles":{"a":{"permissions":["x"]}}}`,
		"JSON string":           `"bound_audiences"`,
	}
	for name, doc := range reject {
		if New().Detect([]byte(doc)) {
			t.Errorf("%s: Detect = true for %s", name, doc)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"syntax error with line", "{\n  \"role_type\": \"jwt\",\n  \"user_claim\": \"sub\",\n}", "line 4"},
		{"bare config", `{"bound_issuer":"https://token.actions.githubusercontent.com","oidc_discovery_url":"https://token.actions.githubusercontent.com"}`, "not a role"},
		{"enveloped config", `{"request_id":"x","data":{"bound_issuer":"","oidc_discovery_url":"https://token.actions.githubusercontent.com","jwks_url":""}}`, "not a role"},
		{"role list", `{"data":{"keys":["a"]}}`, "role list"},
		{"not an object", `["x"]`, "expected a JSON object"},
		{"no fields", `{"a":1}`, "none of their fields"},
		{"empty roles", `{"roles":{}}`, "holds no roles"},
		{"roles not an object", `{"roles":[{"role_type":"jwt"}]}`, "must be an object"},
		{"config not an object", `{"config":"x","roles":{"a":{"role_type":"jwt"}}}`, "auth config object"},
		{"duplicate role", `{"roles":{"a":{"role_type":"jwt"},"a":{"role_type":"jwt"}}}`, "more than once"},
		{"role fields in config", `{"config":{"user_claim":"sub"},"roles":{"a":{"role_type":"jwt"}}}`, "holds role fields"},
	}
	for _, tt := range tests {
		_, err := New().Parse("doc.json", []byte(tt.doc))
		if err == nil || !errors.Is(err, ErrDocument) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Parse error %v, want ErrDocument mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestParseNamesAndSources(t *testing.T) {
	pol := parseOne(t, `{"path":"auth/github/role/deploy-main","data":{"role_type":"jwt","user_claim":"sub","bound_audiences":["a"]}}`)
	if pol.Name() != "deploy-main" || pol.Source() != "test.json" || pol.Provider() != policy.Vault {
		t.Errorf("envelope path: name %q source %q provider %q", pol.Name(), pol.Source(), pol.Provider())
	}
	pols, err := New().Parse("dir/roles.json", []byte(`{"roles":{"b":{"role_type":"jwt","user_claim":"sub","bound_audiences":["sts.amazonaws.com"]},"a":"not a role"}}`))
	if err != nil || len(pols) != 2 {
		t.Fatalf("Parse: %d policies, %v", len(pols), err)
	}
	if pols[0].Name() != "b" || pols[0].Source() != "dir/roles.json#1" || pols[1].Source() != "dir/roles.json#2" {
		t.Errorf("names/sources: %s %s, %s %s", pols[0].Name(), pols[0].Source(), pols[1].Name(), pols[1].Source())
	}
	tok := policytest.FixtureToken(t, "push-main")
	if res := pols[1].Evaluate(tok); res.Verdict != policy.Error || !strings.Contains(res.Error, "not an object") {
		t.Errorf("a role that is a string should evaluate to Error: %+v", res)
	}
	if res := pols[0].Evaluate(tok); res.Verdict != policy.Allow {
		t.Errorf("its sibling is unaffected: %s %s", res.Verdict, res.Summary)
	}
	if p := parseOne(t, `{"role_type":"jwt","user_claim":"sub"}`); p.Name() != "test" {
		t.Errorf("bare role named %q, want the file name", p.Name())
	}
}

// A field Vault cannot read makes the role Error, naming the field.
// Numbers and booleans given for string fields are not among them: Vault
// decodes them weakly (weak_test.go); duplicate keys are not either:
// Vault keeps the last (TestDuplicateKeysLastWins); nor is a null or
// object bound value, which Vault stores and denies every login with
// (unusable_test.go).
func TestFieldErrors(t *testing.T) {
	tests := []struct{ role, cond, want string }{
		{`{"role_type":"jwt","user_claim":"sub","bound_audiences":[{"a":1}]}`, "bound_audiences", "expects strings"},
		{`{"role_type":"jwt","user_claim":"sub","bound_audiences":["a"],"bound_subject":["x"]}`, "bound_subject", "not a string"},
		{`{"role_type":"jwt","user_claim":["sub"],"bound_audiences":["a"]}`, "user_claim", "not a string"},
		{`{"role_type":"jwt","user_claim":"sub","bound_audiences":["a"],"bound_claims":["x"]}`, "bound_claims", "not an object"},
		{`{"role_type":"jwt","user_claim":"sub","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"x":null}}`, `"x"`, "claim is not a string or list: <nil>"},
		{`{"role_type":"jwt","user_claim":"sub","bound_audiences":["a"],"claim_mappings":{"a":[1]}}`, `claim_mappings`, "metadata keys are strings"},
		{`{"config":{"bound_issuer":[7]},"roles":{"r":{"role_type":"jwt","user_claim":"sub","bound_audiences":["a"]}}}`, "bound_issuer", "not a string"},
	}
	tok := policytest.FixtureToken(t, "push-main")
	for _, tt := range tests {
		res := parseOne(t, tt.role).Evaluate(tok)
		c := policytest.ConditionWith(t, res, tt.cond)
		if res.Verdict != policy.Error || c.Result != policy.Errored || !policytest.HasDiagnosis(c, tt.want) || !strings.Contains(res.Error, tt.want) {
			t.Errorf("%s: verdict %s, %s %s %q; want Error mentioning %q", tt.role, res.Verdict, c.Expression, c.Result, c.Diagnosis, tt.want)
		}
	}
}
