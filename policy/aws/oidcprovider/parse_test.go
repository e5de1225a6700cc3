package oidcprovider

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestParseRefusesMalformed: every shape IAM never prints is an error
// that wraps the right sentinel and says where.
func TestParseRefusesMalformed(t *testing.T) {
	policytest.CheckParseRefusals(t, New(), "idp.json", "idp.json: ", []policytest.ParseRefusal{
		{Name: "not JSON", Doc: `{"Url":"x","ClientIDList":[`, Is: ErrMalformed, Says: []string{"line 1"}},
		{Name: "not an object", Doc: `["Url","ClientIDList"]`, Is: ErrNotProviderDocument, Says: []string{"JSON array"}},
		{Name: "neither shape", Doc: `{"Arn":"x"}`, Is: ErrNotProviderDocument, Says: []string{`"Arn"`}},
		{Name: "Url not a string", Doc: `{"Url":7,"ClientIDList":[]}`, Is: ErrMalformed, Says: []string{"Url at line 1, column 2 must be a non-empty string, not a JSON number"}},
		{Name: "Url empty", Doc: `{"Url":"","ClientIDList":[]}`, Is: ErrMalformed, Says: []string{"non-empty string"}},
		{Name: "ClientIDList a string", Doc: `{"Url":"x","ClientIDList":"sts.amazonaws.com"}`, Is: ErrMalformed, Says: []string{"ClientIDList at line 1, column 12 must be an array of strings"}},
		{Name: "ClientIDList holds a number", Doc: `{"Url":"x","ClientIDList":["a",1]}`, Is: ErrMalformed, Says: []string{"array of strings"}},
		{Name: "ThumbprintList an object", Doc: `{"Url":"x","ClientIDList":[],"ThumbprintList":{}}`, Is: ErrMalformed, Says: []string{"ThumbprintList"}},
		{Name: "duplicate member", Doc: "{\"Url\":\"a\",\n\"ClientIDList\":[],\n\"Url\":\"b\"}", Is: ErrMalformed, Says: []string{`"Url" appears more than once (again at line 3, column 1)`}},
		{Name: "list not an array", Doc: `{"OpenIDConnectProviderList":{}}`, Is: ErrMalformed, Says: []string{"must be an array"}},
		{Name: "list item without Arn", Doc: "{\"OpenIDConnectProviderList\":[\n{\"Name\":\"x\"}]}", Is: ErrMalformed, Says: []string{"OpenIDConnectProviderList[0] (line 2) must be an object with an Arn string"}},
		{Name: "list item a string", Doc: `{"OpenIDConnectProviderList":["arn:aws:iam::1:oidc-provider/x"]}`, Is: ErrMalformed, Says: []string{"not the string"}},
		{Name: "SAML provider ARN", Doc: `{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam::1:saml-provider/x"}]}`, Is: ErrMalformed, Says: []string{"not an IAM OIDC provider ARN"}},
		{Name: "ARN without path", Doc: `{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam::1:oidc-provider/"}]}`, Is: ErrMalformed, Says: []string{"not an IAM OIDC provider ARN"}},
		{Name: "ARN with a region", Doc: `{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam:us-east-1:1:oidc-provider/x"}]}`, Is: ErrMalformed, Says: []string{"not an IAM OIDC provider ARN"}},
	})
}

// TestParseShapes: what each output becomes.
func TestParseShapes(t *testing.T) {
	tests := []struct {
		name, doc, policyName string
		lint                  []string
	}{
		{"get output", getOutput(t, ghPath, "sts.amazonaws.com"), "OIDC provider " + ghPath, nil},
		{"get output with https:// in Url", getOutput(t, ghIss, "sts.amazonaws.com"), "OIDC provider " + ghPath, []string{RuleURLScheme}},
		{"get output with no client IDs", `{"Url":"` + ghPath + `","ClientIDList":null,"ThumbprintList":[]}`, "OIDC provider " + ghPath, []string{RuleNoClientIDs}},
		{"enterprise slug issuer", getOutput(t, ghPath+"/avocado-corp", "sts.amazonaws.com"), "OIDC provider " + ghPath + "/avocado-corp", nil},
		{"list of one account", listOutput(t, "arn:aws:iam::111122223333:oidc-provider/"+ghPath, "arn:aws:iam::111122223333:oidc-provider/gitlab.com"), "OIDC providers of account 111122223333", nil},
		{"list of two accounts", listOutput(t, "arn:aws:iam::111122223333:oidc-provider/"+ghPath, "arn:aws-cn:iam::444455556666:oidc-provider/"+ghPath), "OIDC provider list (2 providers)", nil},
		{"empty list", `{"OpenIDConnectProviderList":[]}`, "OIDC providers (the list is empty)", nil},
	}
	for _, tt := range tests {
		p := parseOne(t, tt.doc)
		if p.Name() != tt.policyName || p.Provider() != "aws" {
			t.Errorf("%s: name %q provider %q, want %q aws", tt.name, p.Name(), p.Provider(), tt.policyName)
		}
		res := p.Evaluate(ghToken(t, "sts.amazonaws.com"))
		var rules []string
		for _, f := range res.Lint {
			rules = append(rules, f.Rule)
		}
		if strings.Join(rules, ",") != strings.Join(tt.lint, ",") {
			t.Errorf("%s: lint %v, want %v", tt.name, rules, tt.lint)
		}
	}
}

// TestParseCaps: a document, a list or a value past the caps is an
// ErrTooLarge error naming the cap, at the package's caps and at small
// ones.
func TestParseCaps(t *testing.T) {
	many := make([]string, MaxListItems+1)
	for i := range many {
		many[i] = "aud"
	}
	small := provider{limits: limits{bytes: 300, items: 3, value: 40}}
	tests := []struct {
		name string
		p    provider
		doc  string
		says string
	}{
		{"client IDs past the package cap", provider{}, getOutput(t, ghPath, many...), "ClientIDList holds 1001 entries"},
		{"document past the package cap", provider{}, getOutput(t, ghPath, strings.Repeat("a", MaxDocumentBytes)), "bytes, more than the 1048576"},
		{"document past a small cap", small, getOutput(t, ghPath, strings.Repeat("a", 300)), "more than the 300"},
		{"client IDs past a small cap", small, getOutput(t, ghPath, "a", "b", "c", "d"), "ClientIDList holds 4 entries, more than the 3"},
		{"providers past a small cap", small, `{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam::1:oidc-provider/a"},{"Arn":"arn:aws:iam::1:oidc-provider/b"},{"Arn":"arn:aws:iam::1:oidc-provider/c"},{"Arn":"arn:aws:iam::1:oidc-provider/d"}]}`, "OpenIDConnectProviderList holds 4"},
		{"Url past a small cap", small, `{"Url":"` + strings.Repeat("u", 41) + `","ClientIDList":[]}`, "Url is 41 bytes long"},
		{"client ID past a small cap", small, `{"Url":"u","ClientIDList":["` + strings.Repeat("c", 41) + `"]}`, "ClientIDList[0] is 41 bytes long"},
		{"ARN past a small cap", small, `{"OpenIDConnectProviderList":[{"Arn":"arn:aws:iam::1:oidc-provider/` + strings.Repeat("p", 20) + `"}]}`, "OpenIDConnectProviderList[0].Arn is"},
	}
	for _, tt := range tests {
		pols, err := tt.p.Parse("idp.json", []byte(tt.doc))
		if !errors.Is(err, ErrTooLarge) || pols != nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %d policies, %v; want ErrTooLarge saying %q", tt.name, len(pols), err, tt.says)
		}
	}
	// Detect still claims an oversized document, so that the user reads
	// "too large" rather than "not recognised".
	if !New().Detect([]byte(getOutput(t, ghPath, strings.Repeat("a", MaxDocumentBytes)))) {
		t.Error("Detect drops an oversized provider document")
	}
}
