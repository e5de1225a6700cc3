package entra

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestParseDocumentErrors: a document that holds no credential Entra
// would read is an ErrDocument error saying why and where.
func TestParseDocumentErrors(t *testing.T) {
	policytest.CheckParseRefusals(t, New(), "doc.json", "", []policytest.ParseRefusal{
		{Name: "syntax error names line and column", Doc: "{\n  \"name\": \"x\",\n  \"issuer\": \"" + gh + "\",\n  \"subject\": \"s\",\n  \"audiences\": [\"a\"],\n}", Is: ErrDocument, Says: []string{"line 6, column 1", "not JSON"}},
		{Name: "truncated", Doc: `{"name":"x","issuer":"`, Is: ErrDocument, Says: []string{"unexpected end of input", "line 1"}},
		{Name: "trailing data", Doc: standardFIC(gh, "s", azureAud) + ` {}`, Is: ErrDocument, Says: []string{"data after the JSON value"}},
		{Name: "unrelated object", Doc: `{"Version":"2012-10-17","Statement":[]}`, Is: ErrDocument, Says: []string{"expected a federated identity credential", `"Version"`}},
		{Name: "empty list", Doc: `{"value":[]}`, Is: ErrDocument, Says: []string{"no federated identity credentials"}},
		{Name: "empty array", Doc: `[]`, Is: ErrDocument, Says: []string{"no federated identity credentials"}},
		{Name: "scalar", Doc: `"x"`, Is: ErrDocument, Says: []string{"expected a JSON object or array"}},
	})
}

// TestParseCredentialErrors: a bad field spoils only its credential,
// which evaluates to Error naming the field and its line.
func TestParseCredentialErrors(t *testing.T) {
	good := standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/main", azureAud)
	tests := []struct {
		name, item string
		want       string
	}{
		{"not an object", `"just a string"`, "item 1 of the list is a string"},
		{"missing issuer", `{"name":"a-cred","subject":"s","audiences":` + azureAud + `}`, `no "issuer"`},
		{"missing audiences", `{"name":"a-cred","issuer":"` + gh + `","subject":"s"}`, `no "audiences"`},
		{"audience not a string", `{"name":"a-cred","issuer":"` + gh + `","subject":"s","audiences":[1]}`, "element 1 is a number"},
		{"duplicate subject", "{\"name\":\"a-cred\",\"issuer\":\"" + gh + "\",\n\"subject\":\"s\",\n\"subject\":\"t\",\"audiences\":" + azureAud + "}", `"subject" appears 2 times in the credential (first at line 2)`},
		{"subject not a string", `{"name":"a-cred","issuer":"` + gh + `","subject":["s"],"audiences":` + azureAud + `}`, `"subject" (line 1) is a array`},
		{"expression not an object", `{"name":"a-cred","issuer":"` + gh + `","claimsMatchingExpression":"claims['sub'] eq 'x'","audiences":` + azureAud + `}`, "Entra expects {\"value\""},
		{"expression without value", `{"name":"a-cred","issuer":"` + gh + `","claimsMatchingExpression":{"languageVersion":1},"audiences":` + azureAud + `}`, `needs "value"`},
	}
	for _, tc := range tests {
		pols, err := New().Parse("list.json", []byte(`[`+tc.item+`,`+good+`]`))
		if err != nil {
			t.Errorf("%s: Parse: %v; a bad credential must not fail the document", tc.name, err)
			continue
		}
		if len(pols) != 2 {
			t.Fatalf("%s: %d policies, want 2", tc.name, len(pols))
		}
		tok := azureToken(t, nil)
		r := pols[0].Evaluate(tok)
		if r.Verdict != policy.Error || !strings.Contains(r.Error, tc.want) {
			t.Errorf("%s: verdict %s, error %q; want error containing %q", tc.name, r.Verdict, r.Error, tc.want)
		}
		if r := pols[1].Evaluate(tok); r.Verdict != policy.Allow {
			t.Errorf("%s: the good sibling got %s (%s), want allow", tc.name, r.Verdict, r.Summary)
		}
	}
}

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name, doc string
		names     []string
	}{
		{"single", standardFIC(gh, "s", azureAud), []string{"test-cred"}},
		{"graph list", `{"@odata.context":"x","value":[` + standardFIC(gh, "s", azureAud) + `,` + flexibleFIC(gh, goodFlexExpr) + `]}`, []string{"test-cred", "flex-cred"}},
		{"az identity flattened", `[{"audiences":` + azureAud + `,"id":"/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i/federatedIdentityCredentials/c1","issuer":"` + gh + `","name":"c1","resourceGroup":"rg","subject":"s","systemData":null,"type":"Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials"}]`, []string{"c1"}},
		{"ARM nested", `{"value":[{"name":"c2","properties":{"issuer":"` + gh + `","subject":"s","audiences":` + azureAud + `}}]}`, []string{"c2"}},
		{"no name falls back to the source", `{"issuer":"` + gh + `","subject":"s","audiences":` + azureAud + `}`, []string{"doc.json"}},
	}
	for _, tc := range tests {
		pols, err := New().Parse("doc.json", []byte(tc.doc))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(pols) != len(tc.names) {
			t.Errorf("%s: %d policies, want %d", tc.name, len(pols), len(tc.names))
			continue
		}
		for i, p := range pols {
			if p.Name() != tc.names[i] || p.Provider() != policy.Entra {
				t.Errorf("%s: policy %d is %q (%s), want %q (entra)", tc.name, i, p.Name(), p.Provider(), tc.names[i])
			}
		}
	}
	// ARM nested fields are really read: the subject under properties decides.
	p := parseOne(t, `{"name":"c2","properties":{"issuer":"`+gh+`","subject":"repo:octo-org/octo-repo:ref:refs/heads/main","audiences":`+azureAud+`}}`)
	if r := p.Evaluate(azureToken(t, nil)); r.Verdict != policy.Allow {
		t.Errorf("ARM credential under properties: %s (%s), want allow", r.Verdict, r.Summary)
	}
}

// FuzzParse: Parse never panics, and Evaluate on whatever it returns never
// panics either, for fixture and hostile tokens alike.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	policytest.SeedFixtureDocuments(f, fixtureDir)
	f.Add([]byte(flexibleFIC(gh, "claims['sub'] matches '*?*' and claims['x'] eq ''")))
	f.Add([]byte(`{"value":[1,{"properties":{"issuer":null}}]}`))
	f.Add([]byte(`[{"issuer":"","subject":"","audiences":[],"claimsMatchingExpression":{"value":"","languageVersion":1}}]`))
	toks := []policy.Token{
		policytest.FixtureToken(f, "environment-prod"),
		policytest.FixtureToken(f, "push-main"),
		policytest.Payload(f, `{"iss":5,"sub":["a"],"aud":[null],"repository_id":{},"sub":"x"}`),
		policytest.Payload(f, `{}`),
	}
	policytest.FuzzParseStrict(f, New, policy.Entra, toks, nil)
}
