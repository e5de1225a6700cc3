package publisher

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// ErrSuggest is wrapped when no publisher can be suggested for a token.
var ErrSuggest = errors.New("cannot suggest a publisher")

// Suggest writes the publisher this token satisfies: the token's owner,
// repository and workflow file (read the way the registry reads it), its
// owner ID, and with the environment scope its environment. A registry
// pins no ref, so the ref and workflow scopes give the repository's
// publisher. The document is checked through the same evaluator; one
// that fails on aud alone is returned with a note, since the token was
// requested for another audience.
func (p *Provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	reg := p.reg
	doc := Document{Registry: reg.Values[0]}
	// A token requested for TestPyPI's audience gets a TestPyPI publisher.
	if aud, ok := tok.String("aud"); ok {
		for _, v := range reg.Values {
			if reg.Audience(Document{Registry: v}) == aud {
				doc.Registry = v
				break
			}
		}
	}
	repo, err := policy.NeedClaim(tok, "repository", "a publisher names the repository", ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	owner, name, ok := SplitRepository(repo)
	if !ok || owner == "" || name == "" {
		return policy.Suggestion{}, fmt.Errorf("%w: the token's repository %q is not owner/name", ErrSuggest, repo)
	}
	doc.Owner, doc.Repository = owner, name
	ref, err := policy.NeedClaim(tok, reg.WorkflowClaim, "a publisher names the workflow file", ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	if doc.Workflow, ok = reg.WorkflowFile(ref); !ok {
		return policy.Suggestion{}, fmt.Errorf("%w: %s cannot read a workflow file name from the token's %s %q", ErrSuggest, reg.Name, reg.WorkflowClaim, ref)
	}
	if id, ok := tok.String("repository_owner_id"); ok && contains(reg.Keys, "owner_id") {
		doc.OwnerID = id
	}
	if contains(reg.Keys, "workflow_repository") {
		if w, ok := RubyGemsWorkflowPath(ref); ok && w.Repository() != repo {
			doc.WorkflowRepository = w.Repository()
		}
	}
	if scope == policy.ScopeEnvironment {
		if doc.Environment, err = policy.NeedClaim(tok, "environment", "the environment scope pins the job's environment", ErrSuggest); err != nil {
			return policy.Suggestion{}, err
		}
	}
	text := Write(doc)
	s := policy.Suggestion{Provider: reg.ID, Scope: scope, Format: "yaml", Document: text}
	s.Notes = append(s.Notes, suggestNotes(reg, doc, scope)...)
	switch err := policy.CheckSuggestion(p, text, tok); {
	case errors.Is(err, policy.ErrSuggestionAudOnly):
		aud, _ := tok.Text("aud")
		if want := reg.Audience(doc); want != "" {
			s.Notes = append(s.Notes, fmt.Sprintf("this token's aud is %q: %s requires %q, so request the token with that audience", aud, reg.displayName(doc), want))
		} else {
			s.Notes = append(s.Notes, fmt.Sprintf("this token's aud is %q: %s refuses it; the aud condition says which audience it wants", aud, reg.displayName(doc)))
		}
	case err != nil:
		return policy.Suggestion{}, fmt.Errorf("%w: %w", ErrSuggest, err)
	}
	return s, nil
}

func suggestNotes(reg Registry, doc Document, scope policy.Scope) []string {
	var out []string
	if reg.Form != nil {
		out = append(out, reg.Form(doc)...)
	}
	if scope == policy.ScopeRef || scope == policy.ScopeWorkflow {
		out = append(out, fmt.Sprintf("%s pins no branch or tag: a publisher accepts any ref of the workflow; protect the workflow with an environment and pin it (--scope environment)", reg.Name))
	}
	if doc.Environment == "" {
		out = append(out, "no environment: the publisher accepts the workflow from any job; an environment with required reviewers is the registries' recommended guard")
	}
	return out
}

// Write renders a document as YAML, every value double-quoted with
// invisible and control characters escaped (token values are hostile).
func Write(doc Document) string {
	var b strings.Builder
	line := func(key, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s: %s\n", key, policy.QuoteJSON(value, true))
		}
	}
	line("registry", doc.Registry)
	line("owner", doc.Owner)
	line("repository", doc.Repository)
	line("workflow", doc.Workflow)
	line("environment", doc.Environment)
	line("owner_id", doc.OwnerID)
	line("repository_id", doc.RepositoryID)
	line("package", doc.Package)
	line("workflow_repository", doc.WorkflowRepository)
	line("tag_pattern", doc.TagPattern)
	line("version", doc.Version)
	if len(doc.Events) > 0 {
		quoted := make([]string, len(doc.Events))
		for i, e := range doc.Events {
			quoted[i] = policy.QuoteJSON(e, true)
		}
		fmt.Fprintf(&b, "events: [%s]\n", strings.Join(quoted, ", "))
	}
	line("user", doc.User)
	line("audience", doc.Audience)
	return b.String()
}

// Snippets are the publisher lines each claim of the token satisfies.
func (p *Provider) Snippets(tok policy.Token) []policy.Snippet {
	reg := p.reg
	var out []policy.Snippet
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: reg.ID, Claim: claim, Text: text, Note: note})
	}
	q := func(s string) string { return policy.QuoteJSON(s, true) }
	if repo, st := ReadString(tok, "repository"); st == ClaimString {
		if owner, name, ok := SplitRepository(repo); ok {
			add("repository", "owner: "+q(owner), reg.Name+" publisher: the repository's owner")
			add("repository", "repository: "+q(name), reg.Name+" publisher: the repository name, without the owner")
		}
	}
	if ref, st := ReadString(tok, reg.WorkflowClaim); st == ClaimString {
		if file, ok := reg.WorkflowFile(ref); ok {
			add(reg.WorkflowClaim, "workflow: "+q(file), fmt.Sprintf("%s reads the workflow file from %s", reg.Name, reg.WorkflowClaim))
		}
	}
	if env, st := ReadString(tok, "environment"); st == ClaimString && env != "" {
		add("environment", "environment: "+q(env), "")
	}
	if id, st := ReadString(tok, "repository_owner_id"); st == ClaimString && contains(reg.Keys, "owner_id") {
		add("repository_owner_id", "owner_id: "+q(id), reg.Name+" records it at set-up")
	}
	return out
}
