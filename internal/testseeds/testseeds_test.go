package testseeds

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
)

// The working directory is this package, two levels below the root: the
// case every caller outside the root package is in.
func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", root, err)
	}
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(root, wd); err != nil || filepath.ToSlash(rel) != "internal/testseeds" {
		t.Errorf("root %s is not two levels above %s", root, wd)
	}
}

func TestFixtureSeeds(t *testing.T) {
	files, toks := StaticTokenFiles(t), StaticTokens(t)
	if len(toks) != len(fixtures.Names()) || len(files) != len(toks) {
		t.Fatalf("%d files, %d tokens for %d claim sets", len(files), len(toks), len(fixtures.Names()))
	}
	for i, tok := range toks {
		if strings.Count(tok, ".") != 2 || !bytes.Equal(files[i], []byte(tok+"\n")) {
			t.Errorf("token %d is not its file without the newline: %q", i, tok)
		}
	}
	docs := FixtureDocuments(t)
	if claims := ClaimSets(t); len(docs) <= len(claims) || !slices.EqualFunc(docs[:len(claims)], claims, bytes.Equal) {
		t.Errorf("the fixture documents should be the %d claim sets, then the policies (%d in all)", len(claims), len(docs))
	}
}

func TestHostileSeeds(t *testing.T) {
	docs := JSONTestSuite(t)
	small := Small(docs)
	if len(small) == 0 || len(small) == len(docs) {
		t.Fatalf("Small kept %d of %d documents; the 100,000-bracket one should be the one left out", len(small), len(docs))
	}
	for _, d := range small {
		if len(d) > MaxTextSeed {
			t.Errorf("Small kept a document of %d bytes", len(d))
		}
	}
	if toks := WycheproofTokens(t); len(toks) == 0 {
		t.Error("no Wycheproof tokens")
	}
}

func TestWycheproofCases(t *testing.T) {
	file := `{"testGroups":[{"tests":[
		{"tcId":1,"jws":"a.b.c"},
		{"tcId":2,"jwe":{"protected":"e30","ciphertext":"x"}},
		{"tcId":3,"private":{}}
	]}]}`
	got, err := wycheproofCases([]byte(file))
	want := []string{"a.b.c", `{"protected":"e30","ciphertext":"x"}`}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("wycheproofCases = %q, %v; want %q (compact as text, JSON serializations as JSON)", got, err, want)
	}
	if _, err := wycheproofCases([]byte("{")); err == nil {
		t.Error("a file that is not JSON should be an error")
	}
}

func TestLargeToken(t *testing.T) {
	tok, payload := LargeToken(t, 1<<20)
	if len(tok) > 1<<20 || len(tok) < 1<<20-4096 {
		t.Errorf("token is %d bytes, want just under 1 MiB", len(tok))
	}
	if !json.Valid(payload) {
		t.Error("payload is not JSON")
	}
	v, err := decode.Parse(string(tok))
	if err != nil || len(v.Errors) > 0 {
		t.Fatalf("large token does not decode: %v %v", err, v.Errors)
	}
	if sub, _ := v.Payload.Str("sub"); sub != "repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("sub %q", sub)
	}
}
