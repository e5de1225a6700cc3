package jsr

import (
	"errors"
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// provider is the shared publisher provider with JSR's own suggestion and
// snippets: JSR links a repository by ID and reads the package from aud,
// where the shared ones read a workflow file.
type provider struct{ *publisher.Provider }

// Suggest writes the JSR publisher this token satisfies: its repository
// and repository_id, and the package (and version) its aud grants. A token
// whose aud is not JSR's permissions JSON names no package, so none can be
// suggested. Every scope gives the same document: JSR pins no workflow,
// ref or environment.
func (p provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	repo, err := policy.NeedClaim(tok, "repository", "JSR links the package to a repository", publisher.ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	owner, name, ok := publisher.SplitRepository(repo)
	if !ok || owner == "" || name == "" {
		return policy.Suggestion{}, fmt.Errorf("%w: the token's repository %q is not owner/name", publisher.ErrSuggest, repo)
	}
	doc := publisher.Document{Registry: ID, Owner: owner, Repository: name}
	if id, ok := readID(tok, "repository_id"); ok {
		doc.RepositoryID = fmt.Sprint(id)
	}
	aud, _ := tok.String("aud")
	perms, err := ParsePermissions(aud)
	if err != nil || len(perms) == 0 || perms[0].Level == LevelScope {
		return policy.Suggestion{}, fmt.Errorf("%w: JSR reads the package from the token's aud, and this token's aud %q names no package; request the token with an audience such as %s", publisher.ErrSuggest, aud,
			Audience(publisher.Document{Package: "@scope/name"}))
	}
	doc.Package = "@" + perms[0].Scope + "/" + perms[0].Package
	if perms[0].Level == LevelVersion {
		doc.Version = perms[0].Version
	}
	text := publisher.Write(doc)
	s := policy.Suggestion{Provider: ID, Scope: scope, Format: "yaml", Document: text}
	s.Notes = append(s.Notes, form(doc)...)
	if scope != policy.ScopeRepo {
		s.Notes = append(s.Notes, "JSR pins no workflow, ref or environment: any workflow of the linked repository can publish with a token whose aud grants it")
	}
	switch err := policy.CheckSuggestion(p, text, tok); {
	case errors.Is(err, policy.ErrSuggestionAudOnly):
		s.Notes = append(s.Notes, "this token's aud does not grant the package: request the token with "+Audience(doc))
	case err != nil:
		return policy.Suggestion{}, fmt.Errorf("%w: %w", publisher.ErrSuggest, err)
	}
	return s, nil
}

// Snippets are the publisher lines each claim of the token satisfies.
func (p provider) Snippets(tok policy.Token) []policy.Snippet {
	var out []policy.Snippet
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: ID, Claim: claim, Text: text, Note: note})
	}
	q := func(s string) string { return policy.QuoteJSON(s, true) }
	if repo, st := publisher.ReadString(tok, "repository"); st == publisher.ClaimString {
		if owner, name, ok := publisher.SplitRepository(repo); ok {
			add("repository", "owner: "+q(owner), "JSR: the linked repository's owner (JSR matches the ID, not the name)")
			add("repository", "repository: "+q(name), "JSR: the linked repository's name")
		}
	}
	if id, ok := readID(tok, "repository_id"); ok {
		add("repository_id", "repository_id: "+q(fmt.Sprint(id)), "JSR matches the linked repository by this ID")
	}
	if aud, st := publisher.ReadString(tok, "aud"); st == publisher.ClaimString {
		if perms, err := ParsePermissions(aud); err == nil {
			for _, pm := range perms {
				if pm.Level != LevelScope {
					add("aud", "package: "+q("@"+pm.Scope+"/"+pm.Package), "JSR: the token's aud grants publishing "+pm.String())
				}
			}
		}
	}
	return out
}
