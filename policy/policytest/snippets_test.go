package policytest

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// snippeting is lines with these snippets for any token.
type snippeting struct {
	lines
	snips []policy.Snippet
}

func (s snippeting) Snippets(policy.Token) []policy.Snippet { return s.snips }

func TestSnippetTexts(t *testing.T) {
	good := []policy.Snippet{{Provider: "lines", Claim: "sub", Text: "a", Note: "n"}, {Provider: "lines", Claim: "sub", Text: "b", Note: "n"}}
	var got map[string][]string
	if msg := failure(func(tb testing.TB) { got = SnippetTexts(tb, snippeting{snips: good}, policy.Token{}) }); msg != "" || !slices.Equal(got["sub"], []string{"a", "b"}) {
		t.Errorf("SnippetTexts = %q (failed: %q), want sub: a, b", got, msg)
	}
	for _, bad := range []policy.Snippet{{Provider: "other", Claim: "sub", Text: "a", Note: "n"}, {Provider: "lines", Claim: "sub", Note: "n"}, {Provider: "lines", Claim: "sub", Text: "a"}} {
		if msg := failure(func(tb testing.TB) { SnippetTexts(tb, snippeting{snips: []policy.Snippet{bad}}, policy.Token{}) }); !strings.Contains(msg, "want provider lines") {
			t.Errorf("snippet %+v should fail the test: %q", bad, msg)
		}
	}
}
