package publisher

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Suggest writes the publisher this token satisfies: the token's owner,
// repository and workflow file (read the way the registry reads it), its
// owner ID, and with the environment scope its environment. A registry
// pins no ref, so the ref and workflow scopes give the repository's
// publisher. The document is checked through the same evaluator; one
// that fails on aud alone is returned with a note, since the token was
// requested for another audience.
func (p *Provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	reg := p.reg
	if reg.Suggest != nil {
		return reg.Suggest(p, tok, scope)
	}
	registry := reg.Values[0]
	// A token requested for TestPyPI's audience gets a TestPyPI publisher.
	if aud, ok := tok.String("aud"); ok {
		for _, v := range reg.Values {
			if reg.Audience(Document{Registry: v}) == aud {
				registry = v
				break
			}
		}
	}
	doc, err := SuggestRepository(tok, registry, "a publisher names the repository")
	if err != nil {
		return policy.Suggestion{}, err
	}
	ref, err := policy.NeedClaim(tok, reg.WorkflowClaim, "a publisher names the workflow file", ErrSuggest)
	if err != nil {
		return policy.Suggestion{}, err
	}
	var ok bool
	if doc.Workflow, ok = reg.WorkflowFile(ref); !ok {
		return policy.Suggestion{}, fmt.Errorf("%w: %s cannot read a workflow file name from the token's %s %s", ErrSuggest, reg.Name, reg.WorkflowClaim, escape.Quoted(ref))
	}
	if id, ok := tok.String("repository_owner_id"); ok && slices.Contains(reg.Keys, "owner_id") {
		doc.OwnerID = id
	}
	if slices.Contains(reg.Keys, "workflow_repository") {
		if w, ok := RubyGemsWorkflowPath(ref); ok && w.Repository() != doc.Owner+"/"+doc.Repository {
			doc.WorkflowRepository = w.Repository()
		}
	}
	if scope == policy.ScopeEnvironment {
		if doc.Environment, err = policy.NeedClaim(tok, "environment", "the environment scope pins the job's environment", ErrSuggest); err != nil {
			return policy.Suggestion{}, err
		}
	}
	return FinishSuggestion(p, tok, scope, doc, suggestNotes(reg, doc, scope), func() string {
		aud, _ := tok.Text("aud")
		if want := reg.Audience(doc); want != "" {
			return fmt.Sprintf("this token's aud is %s: %s requires %s, so request the token with that audience", escape.Quoted(aud), reg.displayName(doc), escape.Quoted(want))
		}
		return fmt.Sprintf("this token's aud is %s: %s refuses it; the aud condition says which audience it wants", escape.Quoted(aud), reg.displayName(doc))
	})
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
			b.WriteString(Line(key, value) + "\n")
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
	if reg.Snippets != nil {
		return reg.Snippets(tok)
	}
	s := NewSnippetList(reg.ID)
	s.Repository(tok, reg.Name+" publisher: the repository's owner", reg.Name+" publisher: the repository name, without the owner")
	if ref, st := ReadString(tok, reg.WorkflowClaim); st == ClaimString {
		if file, ok := reg.WorkflowFile(ref); ok {
			s.Add(reg.WorkflowClaim, Line("workflow", file), fmt.Sprintf("%s reads the workflow file from %s", reg.Name, reg.WorkflowClaim))
		}
	}
	if slices.Contains(reg.Keys, "workflow_repository") {
		if w, reusable, ok := workflowRepository(tok); ok && reusable {
			s.Add(reg.WorkflowClaim, Line("workflow_repository", w), reg.Name+": the job runs a reusable workflow of another repository")
		}
	}
	s.Environment(tok, "")
	if id, st := ReadString(tok, "repository_owner_id"); st == ClaimString && slices.Contains(reg.Keys, "owner_id") {
		s.Add("repository_owner_id", Line("owner_id", id), reg.Name+" records it at set-up")
	}
	if id, st := ReadString(tok, "repository_id"); st == ClaimString && slices.Contains(reg.Keys, "repository_id") {
		s.Add("repository_id", Line("repository_id", id), reg.Name+" compares the repository's numeric ID")
	}
	return s.List()
}

// workflowRepository is the repository of the workflow the job runs
// (job_workflow_ref read as RubyGems does), and whether it is a reusable
// workflow of another repository than the token's; ok is false when the
// claims cannot be read so.
func workflowRepository(tok policy.Token) (repo string, reusable, ok bool) {
	ref, st := ReadString(tok, "job_workflow_ref")
	own, ost := ReadString(tok, "repository")
	if st != ClaimString || ost != ClaimString {
		return "", false, false
	}
	w, ok := RubyGemsWorkflowPath(ref)
	if !ok {
		return "", false, false
	}
	return w.Repository(), w.Repository() != own, true
}
