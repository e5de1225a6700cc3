package entra

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestAudiences: the credential's one audience, or Azure/login's when it
// names none usable; a token requested with a credential's own audience
// passes its audience condition.
func TestAudiences(t *testing.T) {
	check := func(doc string, want ...string) policy.Policy {
		t.Helper()
		p := parseOne(t, doc)
		if got := policy.Audiences(p); !slices.Equal(got, want) {
			t.Errorf("Audiences(%s) = %q, want %q", doc, got, want)
		}
		return p
	}
	for _, p := range []policy.Policy{
		check(standardFIC(gh, "repo:o/r:ref:refs/heads/main", azureAud), AzureAudience),
		check(standardFIC(gh, "repo:o/r:ref:refs/heads/main", `["sts.amazonaws.com"]`), "sts.amazonaws.com"),
	} {
		aud := policy.Audiences(p)[0]
		if c := policyConditionOn(p.Evaluate(azureToken(t, map[string]string{"aud": quote(aud)})), "aud"); c == nil || c.Result != policy.Pass {
			t.Errorf("a token for %q: %+v", aud, c)
		}
	}
	check(standardFIC(gh, "s", `[]`), AzureAudience)        // an empty list: Azure/login's
	check(standardFIC(gh, "s", `"api://x"`), AzureAudience) // not a list: Azure/login's
	check(`[1]`)                                            // not a credential: none
}

// policyConditionOn is the first condition reading claim, or nil.
func policyConditionOn(r policy.Result, claim string) *policy.Condition {
	for i, c := range r.Conditions {
		if slices.Contains(c.Claims, claim) {
			return &r.Conditions[i]
		}
	}
	return nil
}
