package testseeds

import (
	"slices"
	"testing"
)

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
