package policytest

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// SnippetTexts returns the texts of p's snippets for tok by the claim
// they pin, in p's order, and fails the test for a snippet that is not
// p's or lacks its text or note.
func SnippetTexts(t testing.TB, p policy.Provider, tok policy.Token) map[string][]string {
	t.Helper()
	texts := map[string][]string{}
	for _, s := range p.Snippets(tok) {
		if s.Provider != p.ID() || s.Text == "" || s.Note == "" {
			t.Errorf("snippet %+v: want provider %s, a text and a note", s, p.ID())
		}
		texts[s.Claim] = append(texts[s.Claim], s.Text)
	}
	return texts
}
