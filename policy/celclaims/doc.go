// Package celclaims holds what the CEL-based providers (Google Cloud
// workload identity, Kubernetes structured authentication) share when they
// evaluate CEL over a token's claims: the claims as a CEL value, the one
// compile-and-check step (compile.go: each provider brings its own
// environment as a Runtime and its own wording as a Dialect), which
// claims an expression reads, evaluation that turns CEL error values into
// Go errors, the conditions one evaluation records (Record), the
// top-level && terms a false expression is explained by, the shapes
// diagnoses recognise, CEL string literals and the terms a suggestion
// pins, and how a policy that cannot be evaluated is reported
// (Refusals).
//
// It also bounds what a hostile document or token can make CEL do
// (limits.go): a Runtime gives every program of an environment the cost
// limit, a guard that stops a call whose arguments promise more work
// than the budget left before the call runs (guard.go), and interrupts
// for the policy's deadline; Check refuses, before any token is seen, an
// expression whose own literals cost more than the limit; a Meter holds
// one policy evaluation to its budget, its deadline and the size of what
// its expressions return.
//
// Where the providers differ (which value of a duplicated claim wins, the
// variables an expression may read, the wording of a refusal) the caller
// says so through a parameter; nothing here knows a provider.
package celclaims
