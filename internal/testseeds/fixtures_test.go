package testseeds

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

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
