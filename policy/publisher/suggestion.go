package publisher

import (
	"errors"
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// ErrSuggest is wrapped when no publisher can be suggested for a token.
var ErrSuggest = errors.New("cannot suggest a publisher")

// SuggestRepository starts a suggested document for the registry value
// with the token's owner and repository; why says why the registry needs
// the repository claim.
func SuggestRepository(tok policy.Token, registry, why string) (Document, error) {
	repo, err := policy.NeedClaim(tok, "repository", why, ErrSuggest)
	if err != nil {
		return Document{}, err
	}
	owner, name, ok := SplitRepository(repo)
	if !ok || owner == "" || name == "" {
		return Document{}, fmt.Errorf("%w: the token's repository %s is not owner/name", ErrSuggest, escape.Quoted(repo))
	}
	return Document{Registry: registry, Owner: owner, Repository: name}, nil
}

// FinishSuggestion writes doc as the suggestion for scope with notes and
// checks it through p's evaluator. A document that fails on aud alone is
// returned with the note audOnly words, since the token was requested for
// another audience; any other failure is an error.
func FinishSuggestion(p policy.Provider, tok policy.Token, scope policy.Scope, doc Document, notes []string, audOnly func() string) (policy.Suggestion, error) {
	text := Write(doc)
	s := policy.Suggestion{Provider: p.ID(), Scope: scope, Format: "yaml", Document: text, Notes: notes}
	switch err := policy.CheckSuggestion(p, text, tok); {
	case errors.Is(err, policy.ErrSuggestionAudOnly):
		s.Notes = append(s.Notes, audOnly())
	case err != nil:
		return policy.Suggestion{}, fmt.Errorf("%w: %w", ErrSuggest, err)
	}
	return s, nil
}
