package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// manyRoles is list-roles output with n roles; the last pins repository_id
// 1000+n-1, so push-main (74) is let in by none.
func manyRoles(n int) []byte { return policytest.ManyAWSRoles(n, 1000+n-1) }

func BenchmarkEvaluate10000Roles(b *testing.B) {
	pols, err := New().Parse("roles.json", manyRoles(10000))
	if err != nil {
		b.Fatal(err)
	}
	tok := policytest.FixtureToken(b, "push-main")
	b.ResetTimer()
	for b.Loop() {
		allowed := 0
		for _, p := range pols {
			if p.Evaluate(tok).Verdict == policy.Allow {
				allowed++
			}
		}
		if allowed != 0 { // the last role also pins repository_id 10999
			b.Fatalf("%d roles allow push-main, want 0", allowed)
		}
	}
}

func BenchmarkParse10000Roles(b *testing.B) {
	data := manyRoles(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := New().Parse("roles.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestManyRoles is the benchmark's workload as a test: every role parses
// and is evaluated, quickly enough for the test budget.
func TestManyRoles(t *testing.T) {
	pols, err := New().Parse("roles.json", manyRoles(2000))
	if err != nil {
		t.Fatal(err)
	}
	if len(pols) != 2000 {
		t.Fatalf("got %d roles", len(pols))
	}
	tok := policytest.Payload(t, pushMain(`"repository_id":"2999"`))
	var allowed []string
	for _, p := range pols {
		if p.Evaluate(tok).Verdict == policy.Allow {
			allowed = append(allowed, p.Source())
		}
	}
	if len(allowed) != 1 || allowed[0] != "roles.json#1999" {
		t.Errorf("allowed %v, want only roles.json#1999", allowed)
	}
}
