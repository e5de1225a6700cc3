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
// only a publisher without the key; the fix is the job's, to reference
// the publisher's environment (jobenvironment.go), not a document line.
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

// RemoveLine is the change that removes key from the document: `key:
// null`, valid YAML the document reader takes as the key not set (as the
// registries' forms take an empty field), so it means the same pasted as
// it is. Evaluate's fixes offer it, with why in the note, when the
// publisher accepts the token only without that key. No token value
// reads as one: Line quotes every value.
func RemoveLine(key string) string { return key + ": null" }

// RemovedKey is the key a RemoveLine removes; ok is false for a line
// that sets a value.
func RemovedKey(line string) (key string, ok bool) {
	key, rest, found := strings.Cut(line, ": ")
	if !found || key == "" || rest != "null" {
		return "", false
	}
	return key, true
}
