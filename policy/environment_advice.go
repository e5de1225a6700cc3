package policy

import (
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
)

// environmentFormAdvice is what to write instead when a job's token has
// sub in environment form (repo:O/R:environment:E) and the policy expects
// the ref form: such a job never gets the ref in sub, so the policy must
// allow the environment form, and the branch can then be pinned only
// outside sub.
func environmentFormAdvice(provider, actual string) string {
	return fmt.Sprintf("; to trust this job, allow sub %s instead, and pin the branch with the environment's deployment branch rules (repository settings, Environments) or %s",
		escape.Quoted(actual), refClaimCondition(provider))
}

// refClaimCondition names the claims other than sub that the provider can
// read to pin the branch: Entra's flexible credentials read
// job_workflow_ref but not ref; AWS (its GitHub condition keys), Google
// Cloud, Vault, octo-sts and Kubernetes read any claim.
func refClaimCondition(provider string) string {
	if provider == Entra {
		return "a condition on the job_workflow_ref claim in a flexible credential"
	}
	return "a condition on the ref or job_workflow_ref claim"
}
