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
