package oidcprovider

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDetectShapes: the two outputs (and the --query-free variants IAM
// prints) are recognised from content; near misses are not.
func TestDetectShapes(t *testing.T) {
	tests := []struct {
		name, doc string
		want      bool
	}{
		{"get output", getOutput(t, ghPath, "sts.amazonaws.com"), true},
		{"get output without client IDs (absent list)", `{"Url":"` + ghPath + `","ThumbprintList":[]}`, true},
		{"get output with BOM and spaces", "\ufeff \n" + getOutput(t, ghPath), true},
		{"list output", listOutput(t, "arn:aws:iam::111122223333:oidc-provider/"+ghPath), true},
		{"empty list output", `{"OpenIDConnectProviderList":[]}`, true},
		{"broken JSON naming the members", `{"Url":"x","ClientIDList":[`, true},
		{"get output of a provider with no client IDs or thumbprints", `{"Url":"` + ghPath + `","CreateDate":"2024-01-01T00:00:00Z","Tags":[]}`, true},
		{"Url alone", `{"Url":"` + ghPath + `"}`, false},
		{"ClientIDList nested, not at the top", `{"Provider":{"Url":"x","ClientIDList":[]}}`, false},
		{"names as values only", `{"Statement":[{"Effect":"Allow","Sid":"Url","Action":"ClientIDList"}]}`, false},
		{"array", `[{"Url":"x","ClientIDList":[]}]`, false},
		{"YAML", "Url: x\nClientIDList: []\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := New().Detect([]byte(tt.doc)); got != tt.want {
			t.Errorf("%s: Detect = %v, want %v", tt.name, got, tt.want)
		}
	}
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
