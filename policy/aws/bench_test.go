package aws

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// manyRoles is `aws iam list-roles` output with n GitHub roles of varied
// shapes, one of which (the last) push-main may assume.
func manyRoles(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Roles":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		sub := fmt.Sprintf(`"repo:octo-org/repo-%d:ref:refs/heads/main"`, i)
		op := "StringEquals"
		switch i % 4 {
		case 1:
			op, sub = "StringLike", fmt.Sprintf(`["repo:octo-org/repo-%d:*","repo:octo-org@65/repo-%d@%d:*"]`, i, i, 1000+i)
		case 2:
			sub = fmt.Sprintf(`["repo:octo-org/repo-%d:environment:prod","repo:octo-org@65/repo-%d@%d:environment:prod"]`, i, i, 1000+i)
		}
		if i == n-1 {
			op, sub = "StringLike", `"repo:octo-org/octo-repo:*"`
		}
		fmt.Fprintf(&b, `{"RoleName":"role-%d","Arn":"arn:aws:iam::111122223333:role/role-%d","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
			`"Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity",`+
			`"Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:repository_id":"%d"},"%s":{"token.actions.githubusercontent.com:sub":%s}}}]}}`,
			i, i, 1000+i, op, sub)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

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
