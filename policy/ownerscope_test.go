package policy_test

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/policy"
)

// TestOwnerScopeIsTheCatalogs: the owner-scope claims are exactly the
// claims catalog's owner- and enterprise-scoped claims, so a claim added
// to the catalog with that scope cannot slip into the instead block.
func TestOwnerScopeIsTheCatalogs(t *testing.T) {
	cat, err := claims.Default()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range cat.Profiles() {
		for _, e := range p.Claims {
			if (e.Scope == claims.ScopeOwner || e.Scope == claims.ScopeEnterprise) && !slices.Contains(want, e.Name) {
				want = append(want, e.Name)
			}
		}
	}
	got := policy.OwnerScopeClaims()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("OwnerScopeClaims = %q, the catalog's owner and enterprise claims are %q", got, want)
	}
	for _, c := range []string{"repository_id", "repository", "sub", "aud", ""} {
		if policy.OwnerScope(c) {
			t.Errorf("OwnerScope(%q) = true", c)
		}
	}
}
