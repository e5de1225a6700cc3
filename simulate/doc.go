// Package simulate builds the claims GitHub Actions would put in a job's
// OIDC token, from the job's context (repository, event, ref,
// environment, workflow files, the repository's sub customisation),
// before any run exists: "will my pull-request job be able to assume the
// deploy role?" is answered by running the whole pipeline on the
// simulated claims.
//
// The rules are GitHub's documented ones (shared reference §1): the sub
// context (an environment beats a pull request, which beats the ref),
// custom include_claim_keys templates with their repo and context keys,
// legacy and immutable repository parts, job_workflow_ref for reusable
// workflows, base_ref and head_ref for pull requests, ':' in values
// percent-encoded. Where GitHub's behaviour is not confirmed the
// simulation says so in its notes. A simulated token is never signed:
// every report built on one says "simulated, unsigned".
package simulate
