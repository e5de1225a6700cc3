// Package rubygems checks a token against a RubyGems trusted publisher for
// GitHub Actions, following RubyGems's source:
// app/models/oidc/trusted_publisher/github_action.rb and the exchange's
// JWT validation (see the reference, section 3). RubyGems answers 404 Not
// Found for every mismatch; each failing condition says which it is.
package rubygems

import (
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id.
const ID = "rubygems"

// Audience is Gemcutter::HOST on the public registry.
const Audience = "rubygems.org"

// Registry is RubyGems's trusted publishing.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:            ID,
		Name:          "RubyGems",
		Documents:     "a RubyGems publisher document (registry: rubygems)",
		Keys:          []string{"owner", "repository", "workflow", "environment", "owner_id", "workflow_repository"},
		Audience:      publisher.FixedAudience(Audience),
		WorkflowClaim: "job_workflow_ref",
		WorkflowFile:  publisher.PathWorkflowFile,
		Check:         check,
		Lint:          lint,
		Form:          form,
	}
}

func form(doc publisher.Document) []string {
	out := []string{fmt.Sprintf("RubyGems's form (the gem's Trusted publishers, GitHub Actions): Repository owner %s, Repository name %s, Workflow filename %s, Environment %s; RubyGems looks the owner's ID up itself when you save",
		doc.Owner, doc.Repository, doc.Workflow, publisher.FormValue(doc.Environment))}
	if doc.WorkflowRepository != "" {
		out = append(out, "Workflow repository owner and name: "+doc.WorkflowRepository+" (the reusable workflow's repository)")
	}
	return out
}

// RuleWorkflowRepository flags a workflow_repository RubyGems refuses.
const RuleWorkflowRepository = "rubygems-workflow-repository"

func lint(doc publisher.Document) []policy.Finding {
	w := doc.WorkflowRepository
	if w == "" {
		return nil
	}
	owner, name, ok := publisher.SplitRepository(w)
	switch {
	case !ok || owner == "" || name == "":
		return []policy.Finding{{Rule: RuleWorkflowRepository, Severity: policy.SevError, Message: "workflow_repository " + escape.Quoted(w) + " is not owner/name: RubyGems needs both the owner and the name of the reusable workflow's repository"}}
	case w == doc.Owner+"/"+doc.Repository:
		return []policy.Finding{{Rule: RuleWorkflowRepository, Severity: policy.SevError, Message: "workflow_repository names the publishing repository itself; RubyGems refuses it (\"workflow_repository must be different from the repository, leave blank for same-repository workflows\")"}}
	}
	return nil
}
