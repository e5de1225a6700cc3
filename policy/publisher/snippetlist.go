package publisher

import "github.com/oidcscope/oidcscope/policy"

// SnippetList collects one registry's snippets in the order they are
// added; every registry's Snippets builds one.
type SnippetList struct {
	provider string
	list     []policy.Snippet
}

// NewSnippetList starts the snippets of the provider with this id.
func NewSnippetList(provider string) *SnippetList { return &SnippetList{provider: provider} }

// Add appends the line text, pinned by claim, with its note.
func (s *SnippetList) Add(claim, text, note string) {
	s.list = append(s.list, policy.Snippet{Provider: s.provider, Claim: claim, Text: text, Note: note})
}

// Repository appends the owner and repository lines the token's
// repository claim satisfies, each with its note, when that claim is
// owner/name.
func (s *SnippetList) Repository(tok policy.Token, ownerNote, nameNote string) {
	if repo, st := ReadString(tok, "repository"); st == ClaimString {
		if owner, name, ok := SplitRepository(repo); ok {
			s.Add("repository", Line("owner", owner), ownerNote)
			s.Add("repository", Line("repository", name), nameNote)
		}
	}
}

// List is the snippets added, nil for none.
func (s *SnippetList) List() []policy.Snippet { return s.list }

// Line is one document line, key: value, with the value double-quoted
// and invisible and control characters escaped (token values are
// hostile).
func Line(key, value string) string { return key + ": " + policy.QuoteJSON(value, true) }
