// Package celclaims holds what the CEL-based providers (Google Cloud
// workload identity, Kubernetes structured authentication) share when they
// evaluate CEL over a token's claims: the claims as a CEL value, which
// claims an expression reads, evaluation that turns CEL error values into
// Go errors, the top-level && terms a false expression is explained by,
// the shapes diagnoses recognise, CEL string literals, and how a policy
// that cannot be evaluated is reported.
//
// Where the providers differ (which value of a duplicated claim wins, the
// variables an expression may read, the wording of a refusal) the caller
// says so through a parameter; nothing here knows a provider.
package celclaims
