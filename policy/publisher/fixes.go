package publisher

import (
	"slices"

	"github.com/oidcscope/oidcscope/policy"
)

// fixes are the changes to a refusing publisher document that the
// token's own snippets (Snippets, which know no document) cannot say: a
// key to remove because no value of it fits this token. RubyGems's
// workflow_repository, when the job runs a workflow of its own
// repository: RubyGems matches such a job only with a publisher that
// names no workflow repository. It is offered only when a failing
// condition reads the key's claim. Evaluate sets them as Result.Fixes
// when the document does not allow.
//
// An environment the job references none of is not one: removing it
// would let every run of the workflow publish, without the environment's
// reviewers and branch rules. That is the job's side of the refusal, and
// the environment condition says so (jobEnvironment).
func fixes(reg Registry, doc Document, tok policy.Token, conds []policy.Condition) []policy.Snippet {
	var out []policy.Snippet
	if doc.WorkflowRepository != "" && slices.Contains(reg.Keys, "workflow_repository") && failing(conds, "job_workflow_ref") {
		if _, reusable, ok := workflowRepository(tok); ok && !reusable {
			out = append(out, policy.Snippet{Provider: reg.ID, Claim: "job_workflow_ref", Text: RemoveLine("workflow_repository"),
				Note: "leave Workflow repository empty in " + reg.Name + "'s form: the job runs its own repository's workflow, and " +
					reg.Name + " matches such a job only with a publisher without a workflow repository (which trusts a reusable workflow of another repository)"})
		}
	}
	return out
}

// failing reports whether a failing condition reads claim.
func failing(conds []policy.Condition, claim string) bool {
	return slices.ContainsFunc(conds, func(c policy.Condition) bool {
		return (c.Result == policy.Fail || c.Result == policy.Errored) && slices.Contains(c.Claims, claim)
	})
}
