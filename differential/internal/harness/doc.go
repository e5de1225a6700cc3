// Package harness holds what the Kubernetes and Vault differential
// harnesses share: the test signer, the self-check that gates a run, the
// claims every generated GitHub token carries, the loop that compares
// generated cases, the shrinking loop, and the tally a run reports.
package harness
