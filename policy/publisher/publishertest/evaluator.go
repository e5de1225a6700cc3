package publishertest

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Evaluator is how a registry's test evaluates a one-policy document with
// p against base (a JSON claim set) edited by claims (raw JSON values, as
// policytest.EditClaims takes them). t is the (sub)test a failed parse
// fails.
func Evaluator(t testing.TB, p policy.Provider, base string) func(doc string, claims map[string]string) policy.Result {
	return func(doc string, claims map[string]string) policy.Result {
		t.Helper()
		return policytest.ParseOne(t, p, "x.yml", doc).Evaluate(policytest.TokenWith(t, base, claims))
	}
}
