// Package reach answers the reverse of inspect for one policy: which job
// contexts of a repository it lets in. It simulates the token of every
// combination the policy's own conditions mention (events, refs,
// environments, the legacy and immutable subject forms) that a job can
// have (JobRef: a release runs on its tag, a merge queue on its own
// branch, a schedule and every pull_request_target on the default branch;
// a pull request from and into each branch the conditions on head_ref and
// base_ref name, the default branch and a made-up head) and runs the
// policy's matcher on each, so the table is exactly what the evaluator
// allows, not a reading of the policy's text. A trusted publisher states
// its settings as a document's fields rather than in its conditions: the
// jobs run from the workflow file it names (or call the reusable workflow
// it names), and a tag pattern is tried with a tag that fits it and one
// that does not. The audience is the one the policy says it accepts, else
// one its conditions name, else the provider's default. Rename and
// immutable-subject rows show what those moves would break. Jobs the
// provider cannot evaluate the policy for are rows of the Error verdict
// with its reason, neither allowed nor denied; a policy it evaluates for
// no job (refuses to compile) is an UnevaluableError, never a table that
// lets in none.
package reach
