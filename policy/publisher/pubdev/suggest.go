package pubdev

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// pub.dev's own suggestion and snippets: pub.dev pins a tag pattern, not
// a workflow file, which the shared ones read.

// versionTailRE splits a tag into what precedes the version and the
// version (x.y.z with any pre-release or build suffix) that ends it.
var versionTailRE = lazyre.New(`^(.*?)([0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.+-]*)?)$`)

// suggest writes the automated-publishing settings this token satisfies:
// its repository, the tag pattern and version read from its tag, its
// event, its IDs (what pub.dev records at the first publish) and, with
// the environment scope, its environment. It is checked through the same
// evaluator.
func suggest(p policy.Provider, tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	doc, err := publisher.SuggestRepository(tok, ID, "pub.dev's settings name the repository")
	if err != nil {
		return policy.Suggestion{}, err
	}
	ref, err := policy.NeedClaim(tok, "ref", "pub.dev publishes from a tag", publisher.ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	tagName, isTag := strings.CutPrefix(ref, "refs/tags/")
	m := versionTailRE().FindStringSubmatch(tagName)
	if !isTag || m == nil {
		return policy.Suggestion{}, fmt.Errorf("%w: pub.dev publishes only from a tag named after the version (such as v1.2.3); this token's ref is %s", publisher.ErrSuggest, escape.Quoted(ref))
	}
	doc.TagPattern, doc.Version = m[1]+"{{version}}", m[2]
	if ev, _ := tok.String("event_name"); ev == "push" || ev == "workflow_dispatch" {
		doc.Events = []string{ev}
	} else {
		return policy.Suggestion{}, fmt.Errorf("%w: pub.dev publishes only from push and workflow_dispatch runs; this token's event_name is %s", publisher.ErrSuggest, escape.Quoted(ev))
	}
	doc.RepositoryID, _ = tok.String("repository_id")
	doc.OwnerID, _ = tok.String("repository_owner_id")
	if scope == policy.ScopeEnvironment {
		if doc.Environment, err = policy.NeedClaim(tok, "environment", "the environment scope requires the job's environment", publisher.ErrSuggest); err != nil {
			return policy.Suggestion{}, err
		}
	}
	notes := form(doc)
	notes = append(notes, fmt.Sprintf("version %s is read from the tag: pub.dev compares it with the version in pubspec.yaml", doc.Version))
	if doc.Environment == "" {
		notes = append(notes, "no environment: any workflow of the repository running on a matching tag can publish; an environment with required reviewers is the guard pub.dev offers (--scope environment)")
	}
	return publisher.FinishSuggestion(p, tok, scope, doc, notes, func() string {
		aud, _ := tok.Text("aud")
		return fmt.Sprintf("this token's aud is %s: pub.dev requires %q, so request the token with that audience", escape.Quoted(aud), Audience)
	})
}

// snippets are the settings lines each claim of the token satisfies.
func snippets(tok policy.Token) []policy.Snippet {
	s := publisher.NewSnippetList(ID)
	s.Repository(tok, "pub.dev settings: the repository's owner (compared case-sensitively)", "pub.dev settings: the repository name, without the owner")
	if ref, st := publisher.ReadString(tok, "ref"); st == publisher.ClaimString {
		if tagName, ok := strings.CutPrefix(ref, "refs/tags/"); ok {
			if m := versionTailRE().FindStringSubmatch(tagName); m != nil {
				s.Add("ref", publisher.Line("tag_pattern", m[1]+"{{version}}")+"\n"+publisher.Line("version", m[2]), "pub.dev settings: the tag pattern; the version is pubspec.yaml's, read from the tag")
			}
		}
	}
	if ev, st := publisher.ReadString(tok, "event_name"); st == publisher.ClaimString && (ev == "push" || ev == "workflow_dispatch") {
		s.Add("event_name", "events: ["+policy.QuoteJSON(ev, true)+"]", "pub.dev settings: publishing from "+ev+" events enabled")
	}
	s.Environment(tok, "pub.dev settings: Require GitHub Actions environment")
	for _, id := range [][2]string{{"repository_id", "repository_id"}, {"repository_owner_id", "owner_id"}} {
		if v, st := publisher.ReadString(tok, id[0]); st == publisher.ClaimString {
			s.Add(id[0], publisher.Line(id[1], v), "pub.dev records it at the first automated publish")
		}
	}
	return s.List()
}
