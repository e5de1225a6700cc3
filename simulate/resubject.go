package simulate

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/escape"
)

// SubjectForm is the repository part a rebuilt sub is written in.
type SubjectForm string

// The forms of the repository part (reference §1.4).
const (
	// SameForm keeps the form the old sub has.
	SameForm SubjectForm = ""
	// LegacyForm is repo:OWNER/REPO.
	LegacyForm SubjectForm = "legacy"
	// ImmutableForm is repo:OWNER@OWNER_ID/REPO@REPO_ID.
	ImmutableForm SubjectForm = "immutable"
)

// Resubject rebuilds the sub GitHub would issue for claims (a token's
// claims after some changed: the what-if), in the template and form of
// oldSub: the context rule (environment beats pull_request beats ref)
// picks the context again from environment, event_name and ref, and the
// other template keys take the claims' values. It refuses a sub in no
// form GitHub issues.
func Resubject(claims map[string]any, oldSub string) (string, error) {
	return ResubjectAs(claims, oldSub, SameForm)
}

// ResubjectAs is Resubject with the repository part in form: the legacy
// or immutable sub of the same job (the immutable one needs
// repository_owner_id and repository_id among the claims).
func ResubjectAs(claims map[string]any, oldSub string, form SubjectForm) (string, error) {
	template, old, err := templateOf(oldSub)
	if err != nil {
		return "", err
	}
	repo, err := repoPart(claims, old, form)
	if err != nil {
		return "", err
	}
	str := func(k string) string { s, _ := claims[k].(string); return s }
	c := Context{Environment: str("environment"), Event: str("event_name")}
	return subject(template, repo, subContext(c, str("ref")), claims)
}

// templateOf reads the template keys of a sub GitHub issued, and its
// repository part ("repo" first, as the default and most custom
// templates have it; a template without "repo" has none). The context
// reads as "context" (ref:…, environment:…, pull_request); every other
// key is followed by its value, whose colons GitHub escapes.
func templateOf(sub string) ([]string, ghsub.Repo, error) {
	refuse := func(why string) ([]string, ghsub.Repo, error) {
		return nil, ghsub.Repo{}, fmt.Errorf("%w: sub %s is in no form GitHub issues: %s", ErrContext, escape.Quoted(sub), why)
	}
	var repo ghsub.Repo
	rest := sub
	var template []string
	if s, ok := ghsub.Parse(sub); ok {
		if !s.HasRest {
			return refuse("nothing follows the repository")
		}
		repo, rest, template = s.Repo, s.Rest, []string{"repo"}
	}
	parts := strings.Split(rest, ":")
	for i := 0; i < len(parts); i++ {
		key := parts[i]
		switch {
		case key == "":
			return refuse("an empty key")
		case key == "pull_request":
			template = append(template, "context")
			continue
		case i+1 >= len(parts):
			return refuse("key " + escape.Quoted(key) + " has no value")
		case key == "ref" || key == "environment":
			template = append(template, "context")
		case key == "repo":
			r, ok := ghsub.ParseRepo(parts[i+1])
			if !ok {
				return refuse("the repository part is not OWNER/REPO")
			}
			repo = r
			template = append(template, "repo")
		default:
			template = append(template, key)
		}
		i++ // the key's value
	}
	if len(template) == 0 {
		return refuse("no template key")
	}
	return template, repo, nil
}

// repoPart is the repository part for the claims: their repository (the
// old part's when they have none), in form (the old part's for SameForm).
func repoPart(claims map[string]any, old ghsub.Repo, form SubjectForm) (ghsub.Repo, error) {
	repo := old.Legacy()
	if name, ok := claims["repository"].(string); ok {
		owner, n, err := Context{Repository: name}.split()
		if err != nil {
			return ghsub.Repo{}, err
		}
		repo = ghsub.Repo{Owner: owner, Name: n}
	}
	if form == SameForm && old.Immutable() || form == ImmutableForm {
		ownerID, _ := claims["repository_owner_id"].(string)
		repoID, _ := claims["repository_id"].(string)
		if ownerID == "" || repoID == "" {
			return ghsub.Repo{}, fmt.Errorf("%w: an immutable subject holds the owner and repository IDs: the claims lack repository_owner_id or repository_id", ErrContext)
		}
		repo = repo.WithIDs(ownerID, repoID)
	}
	return repo, nil
}

// RefTypes are the values of ref_type GitHub issues.
func RefTypes() []string { return []string{"branch", "tag"} }

// RunnerEnvironments are the values of runner_environment GitHub issues.
func RunnerEnvironments() []string { return []string{"github-hosted", "self-hosted"} }

// TemplateOf is the template a sub GitHub issued was written with
// (repo, context and claim names), for simulating other jobs of the same
// repository.
func TemplateOf(sub string) ([]string, error) {
	template, _, err := templateOf(sub)
	return template, err
}
