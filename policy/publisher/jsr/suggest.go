package jsr

import (
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// JSR's own suggestion and snippets: JSR links a repository by ID and
// reads the package from aud, where the shared ones read a workflow file.

// suggest writes the JSR publisher this token satisfies: its repository
// and repository_id, and the package (and version) its aud grants. A token
// whose aud is not JSR's permissions JSON names no package, so none can be
// suggested. Every scope gives the same document: JSR pins no workflow,
// ref or environment.
func suggest(p policy.Provider, tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	doc, err := publisher.SuggestRepository(tok, ID, "JSR links the package to a repository")
	if err != nil {
		return policy.Suggestion{}, err
	}
	if id, ok := readID(tok, "repository_id"); ok {
		doc.RepositoryID = fmt.Sprint(id)
	}
	aud, _ := tok.String("aud")
	perms, err := ParsePermissions(aud)
	if err != nil || len(perms) == 0 || perms[0].Level == LevelScope {
		return policy.Suggestion{}, fmt.Errorf("%w: JSR reads the package from the token's aud, and this token's aud %s names no package; request the token with an audience such as %s", publisher.ErrSuggest, escape.Quoted(aud),
			Audience(publisher.Document{Package: "@scope/name"}))
	}
	doc.Package = "@" + perms[0].Scope + "/" + perms[0].Package
	if perms[0].Level == LevelVersion {
		doc.Version = perms[0].Version
	}
	notes := form(doc)
	if scope != policy.ScopeRepo {
		notes = append(notes, "JSR pins no workflow, ref or environment: any workflow of the linked repository can publish with a token whose aud grants it")
	}
	return publisher.FinishSuggestion(p, tok, scope, doc, notes, func() string {
		return "this token's aud does not grant the package: request the token with " + Audience(doc)
	})
}

// snippets are the publisher lines each claim of the token satisfies.
func snippets(tok policy.Token) []policy.Snippet {
	s := publisher.NewSnippetList(ID)
	s.Repository(tok, "JSR: the linked repository's owner (JSR matches the ID, not the name)", "JSR: the linked repository's name")
	if id, ok := readID(tok, "repository_id"); ok {
		s.Add("repository_id", publisher.Line("repository_id", fmt.Sprint(id)), "JSR matches the linked repository by this ID")
	}
	if aud, st := publisher.ReadString(tok, "aud"); st == publisher.ClaimString {
		if perms, err := ParsePermissions(aud); err == nil {
			for _, pm := range perms {
				if pm.Level != LevelScope {
					s.Add("aud", publisher.Line("package", "@"+pm.Scope+"/"+pm.Package), "JSR: the token's aud grants publishing "+pm.String())
				}
			}
		}
	}
	return s.List()
}
