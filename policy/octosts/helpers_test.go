package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// parseOne parses a document that must hold exactly one policy.
func parseOne(t testing.TB, p *Provider, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, p, "test.sts.yaml", doc)
}

func provider() *Provider { return New().(*Provider) }

func joined(lines []string) string { return strings.Join(lines, "\n") }

func allDiagnoses(r policy.Result) string {
	var b strings.Builder
	for _, c := range r.Conditions {
		b.WriteString(joined(c.Diagnosis) + "\n")
	}
	return b.String()
}

// fixturePolicy is the one policy of the sample document
// fixtures/policies/octo-sts/<file>, parsed by p.
func fixturePolicy(t *testing.T, p *Provider, file string) policy.Policy {
	t.Helper()
	pol, ok := policytest.FixturePolicies(t, p, "octo-sts", file)[file]
	if !ok {
		t.Fatalf("no policy %s among the samples", file)
	}
	return pol
}
