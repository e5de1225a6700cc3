// Package nuget checks a token against a NuGet trusted publishing policy
// for GitHub Actions, following NuGetGallery's
// GitHubTokenPolicyValidator.EvaluatePolicyAsync and
// FederatedCredentialPolicyEvaluator (see the reference, section 5).
// NuGet hides repository, owner and ID mismatches behind one generic
// answer; each such condition shows the real reason beside it.
package nuget

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id.
const ID = "nuget"

// Registry is NuGet's trusted publishing.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:            ID,
		Name:          "NuGet",
		Documents:     "a NuGet publisher document (registry: nuget)",
		Keys:          []string{"owner", "repository", "workflow", "environment", "owner_id", "repository_id", "package", "user", "audience"},
		Audience:      publisher.DocumentAudience,
		WorkflowClaim: "job_workflow_ref",
		WorkflowFile:  publisher.PathWorkflowFile,
		Check:         check,
		Lint:          lint,
		Form:          form,
		// A policy is temporary until a token matches it (GitHubCriteria.cs).
		OwnerIDRecorded: "from the first token that matched the policy",
	}
}

func form(doc publisher.Document) []string {
	return []string{fmt.Sprintf("NuGet's Trusted Publishing policy (GitHub Actions), created by the user the NuGet/login step names: owner %s, repository %s, workflow file %s, environment %s; NuGet records the owner's and repository's IDs from the first token that matches it within 7 days",
		doc.Owner, doc.Repository, doc.Workflow, publisher.FormValue(doc.Environment))}
}

// Lint rule ids.
const (
	RuleNoUser     = "nuget-no-user"
	RuleNoAudience = "nuget-no-audience"
)

func lint(doc publisher.Document) []policy.Finding {
	var out []policy.Finding
	if doc.User == "" {
		out = append(out, policy.Finding{Rule: RuleNoUser, Severity: policy.SevInfo, Message: "no user: NuGet searches only the policies created by the user the NuGet/login step names, and its answer for a repository, owner or ID mismatch names that user; add user to see the answer as NuGet words it"})
	}
	if doc.Audience == "" {
		out = append(out, policy.Finding{Rule: RuleNoAudience, Severity: policy.SevInfo, Message: "no audience: NuGet's audience is deployment configuration, not in its code; add the audience your NuGet/login step requests (its audience input) to check aud offline"})
	}
	return out
}
