package publisher

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

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

// Environment appends the environment line the token satisfies, with
// note, when its job references one. A job that references none fits
// only a publisher without the key: that removal is a change to the
// document, which Evaluate offers as a fix (fixes.go), not a condition
// the token satisfies.
func (s *SnippetList) Environment(tok policy.Token, note string) {
	if env, st := ReadString(tok, "environment"); st == ClaimString && env != "" {
		s.Add("environment", Line("environment", env), note)
	}
}

// List is the snippets added, nil for none.
func (s *SnippetList) List() []policy.Snippet { return s.list }

// Line is one document line, key: value, with the value double-quoted
// and invisible and control characters escaped (token values are
// hostile).
func Line(key, value string) string { return key + ": " + policy.QuoteJSON(value, true) }

// removeThisKey opens a removal line's instruction; unquoted, so no
// token value (always quoted by Line) reads as one.
const removeThisKey = "remove this key"

// RemoveLine is the change that removes key from the document, with why
// (what the token lacks, or why no value of the key fits it): Evaluate's
// fixes offer it when the publisher accepts the token only without that
// key.
func RemoveLine(key, why string) string {
	return key + ": " + removeThisKey + " (" + why + ")"
}

// RemovedKey is the key a RemoveLine removes; ok is false for a line
// that sets a value.
func RemovedKey(line string) (key string, ok bool) {
	key, rest, found := strings.Cut(line, ": ")
	if !found || !strings.HasPrefix(rest, removeThisKey+" (") {
		return "", false
	}
	return key, true
}
