package publisher

import (
	"slices"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// fixes are the changes to a refusing publisher document that the
// token's own snippets (Snippets, which know no document) cannot say: a
// key to remove because no value of it fits this token. The environment
// key, when the job references no environment (the claim is absent, null
// or empty): a publisher with an environment accepts only a job that
// references one. RubyGems's workflow_repository, when the job runs a
// workflow of its own repository: RubyGems matches such a job only with
// a publisher that names no workflow repository. Each is offered only
// when a failing condition reads the key's claim. Evaluate sets them as
// Result.Fixes when the document does not allow.
func fixes(reg Registry, doc Document, tok policy.Token, conds []policy.Condition) []policy.Snippet {
	var out []policy.Snippet
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: reg.ID, Claim: claim, Text: text, Note: note})
	}
	if doc.Environment != "" && failing(conds, "environment") {
		if why, none := noEnvironment(tok); none {
			add("environment", RemoveLine("environment", why),
				reg.Name+": a publisher with an environment accepts only a job that references one, and this job references none")
		}
	}
	if doc.WorkflowRepository != "" && slices.Contains(reg.Keys, "workflow_repository") && failing(conds, "job_workflow_ref") {
		if _, reusable, ok := workflowRepository(tok); ok && !reusable {
			add("job_workflow_ref", RemoveLine("workflow_repository", "the job runs a workflow of its own repository"),
				reg.Name+": workflow_repository trusts a reusable workflow of another repository; a job running its own repository's workflow matches only a publisher without it")
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

// noEnvironment reports a token whose job references no environment,
// and says how: the claim absent, null or the empty string.
func noEnvironment(tok policy.Token) (why string, none bool) {
	if tok.Duplicated("environment") {
		return "", false
	}
	v, present := tok.Claim("environment")
	switch {
	case !present:
		return "the token has no environment claim", true
	case v.Kind == decode.Null:
		return "the token's environment is null", true
	case v.Kind == decode.String && v.Text == "":
		return "the token's environment is empty", true
	}
	return "", false
}
