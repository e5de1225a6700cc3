package pubdev

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// provider is the shared publisher provider with pub.dev's own
// suggestion and snippets: pub.dev pins a tag pattern, not a workflow
// file, which the shared ones read.
type provider struct{ *publisher.Provider }

// versionTailRE splits a tag into what precedes the version and the
// version (x.y.z with any pre-release or build suffix) that ends it.
var versionTailRE = lazyre.New(`^(.*?)([0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.+-]*)?)$`)

// Suggest writes the automated-publishing settings this token satisfies:
// its repository, the tag pattern and version read from its tag, its
// event, its IDs (what pub.dev records at the first publish) and, with
// the environment scope, its environment. It is checked through the same
// evaluator.
func (p provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	repo, err := policy.NeedClaim(tok, "repository", "pub.dev's settings name the repository", publisher.ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	owner, name, ok := publisher.SplitRepository(repo)
	if !ok || owner == "" || name == "" {
		return policy.Suggestion{}, fmt.Errorf("%w: the token's repository %q is not owner/name", publisher.ErrSuggest, repo)
	}
	doc := publisher.Document{Registry: ID, Owner: owner, Repository: name}
	ref, err := policy.NeedClaim(tok, "ref", "pub.dev publishes from a tag", publisher.ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	tagName, isTag := strings.CutPrefix(ref, "refs/tags/")
	m := versionTailRE().FindStringSubmatch(tagName)
	if !isTag || m == nil {
		return policy.Suggestion{}, fmt.Errorf("%w: pub.dev publishes only from a tag named after the version (such as v1.2.3); this token's ref is %q", publisher.ErrSuggest, ref)
	}
	doc.TagPattern, doc.Version = m[1]+"{{version}}", m[2]
	if ev, _ := tok.String("event_name"); ev == "push" || ev == "workflow_dispatch" {
		doc.Events = []string{ev}
	} else {
		return policy.Suggestion{}, fmt.Errorf("%w: pub.dev publishes only from push and workflow_dispatch runs; this token's event_name is %q", publisher.ErrSuggest, ev)
	}
	doc.RepositoryID, _ = tok.String("repository_id")
	doc.OwnerID, _ = tok.String("repository_owner_id")
	if scope == policy.ScopeEnvironment {
		if doc.Environment, err = policy.NeedClaim(tok, "environment", "the environment scope requires the job's environment", publisher.ErrSuggest); err != nil {
			return policy.Suggestion{}, err
		}
	}
	text := publisher.Write(doc)
	s := policy.Suggestion{Provider: ID, Scope: scope, Format: "yaml", Document: text}
	s.Notes = append(s.Notes, form(doc)...)
	s.Notes = append(s.Notes, fmt.Sprintf("version %s is read from the tag: pub.dev compares it with the version in pubspec.yaml", doc.Version))
	if doc.Environment == "" {
		s.Notes = append(s.Notes, "no environment: any workflow of the repository running on a matching tag can publish; an environment with required reviewers is the guard pub.dev offers (--scope environment)")
	}
	switch err := policy.CheckSuggestion(p, text, tok); {
	case errors.Is(err, policy.ErrSuggestionAudOnly):
		aud, _ := tok.Text("aud")
		s.Notes = append(s.Notes, fmt.Sprintf("this token's aud is %q: pub.dev requires %q, so request the token with that audience", aud, Audience))
	case err != nil:
		return policy.Suggestion{}, fmt.Errorf("%w: %w", publisher.ErrSuggest, err)
	}
	return s, nil
}

// Snippets are the settings lines each claim of the token satisfies.
func (p provider) Snippets(tok policy.Token) []policy.Snippet {
	var out []policy.Snippet
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: ID, Claim: claim, Text: text, Note: note})
	}
	q := func(s string) string { return policy.QuoteJSON(s, true) }
	if repo, st := publisher.ReadString(tok, "repository"); st == publisher.ClaimString {
		if owner, name, ok := publisher.SplitRepository(repo); ok {
			add("repository", "owner: "+q(owner), "pub.dev settings: the repository's owner (compared case-sensitively)")
			add("repository", "repository: "+q(name), "pub.dev settings: the repository name, without the owner")
		}
	}
	if ref, st := publisher.ReadString(tok, "ref"); st == publisher.ClaimString {
		if tagName, ok := strings.CutPrefix(ref, "refs/tags/"); ok {
			if m := versionTailRE().FindStringSubmatch(tagName); m != nil {
				add("ref", "tag_pattern: "+q(m[1]+"{{version}}"), "pub.dev settings: the tag pattern, with version "+m[2]+" as pubspec.yaml's")
			}
		}
	}
	if ev, st := publisher.ReadString(tok, "event_name"); st == publisher.ClaimString && (ev == "push" || ev == "workflow_dispatch") {
		add("event_name", "events: ["+q(ev)+"]", "pub.dev settings: publishing from "+ev+" events enabled")
	}
	if env, st := publisher.ReadString(tok, "environment"); st == publisher.ClaimString && env != "" {
		add("environment", "environment: "+q(env), "pub.dev settings: Require GitHub Actions environment")
	}
	for _, id := range [][2]string{{"repository_id", "repository_id"}, {"repository_owner_id", "owner_id"}} {
		if v, st := publisher.ReadString(tok, id[0]); st == publisher.ClaimString {
			add(id[0], id[1]+": "+q(v), "pub.dev records it at the first automated publish")
		}
	}
	return out
}
