package oidcprovider

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestDetectShapes: the two outputs (and the --query-free variants IAM
// prints) are recognised from content; near misses are not.
func TestDetectShapes(t *testing.T) {
	policytest.CheckDetect(t, New(), true, map[string]string{
		"get output": getOutput(t, ghPath, "sts.amazonaws.com"),
		"get output without client IDs (absent list)":                `{"Url":"` + ghPath + `","ThumbprintList":[]}`,
		"get output with BOM and spaces":                             "\ufeff \n" + getOutput(t, ghPath),
		"list output":                                                listOutput(t, "arn:aws:iam::111122223333:oidc-provider/"+ghPath),
		"empty list output":                                          `{"OpenIDConnectProviderList":[]}`,
		"broken JSON naming the members":                             `{"Url":"x","ClientIDList":[`,
		"get output of a provider with no client IDs or thumbprints": `{"Url":"` + ghPath + `","CreateDate":"2024-01-01T00:00:00Z","Tags":[]}`,
	})
	policytest.CheckDetect(t, New(), false, map[string]string{
		"Url alone":                           `{"Url":"` + ghPath + `"}`,
		"ClientIDList nested, not at the top": `{"Provider":{"Url":"x","ClientIDList":[]}}`,
		"names as values only":                `{"Statement":[{"Effect":"Allow","Sid":"Url","Action":"ClientIDList"}]}`,
		"array":                               `[{"Url":"x","ClientIDList":[]}]`,
		"YAML":                                "Url: x\nClientIDList: []\n",
		"empty":                               "",
	})
}

// TestTestdataParses: every sample document is detected and parses to one
// policy under provider aws, named as an OIDC provider.
func TestTestdataParses(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	files = append(files, filepath.Join("..", "..", "..", "examples", "policies", "aws-oidc-provider.json"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !New().Detect(data) {
			t.Errorf("%s: not detected", f)
		}
		pols, err := New().Parse(filepath.Base(f), data)
		if err != nil || len(pols) != 1 {
			t.Errorf("%s: %d policies, %v", f, len(pols), err)
			continue
		}
		if p := pols[0]; p.Provider() != "aws" || !strings.HasPrefix(p.Name(), "OIDC provider") || p.Source() != filepath.Base(f) {
			t.Errorf("%s: provider %q, name %q, source %q", f, p.Provider(), p.Name(), p.Source())
		}
	}
}

func TestSuggestAndSnippetsGiveNothing(t *testing.T) {
	tok := ghToken(t, "sts.amazonaws.com")
	if _, err := New().Suggest(tok, "repo"); !errors.Is(err, errNoSuggestion) {
		t.Errorf("Suggest: %v, want errNoSuggestion", err)
	}
	if sn := New().Snippets(tok); len(sn) != 0 {
		t.Errorf("Snippets: %v, want none", sn)
	}
}
