package gcp

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// FuzzParse: Detect and Parse never panic, and neither does Evaluate on
// what Parse returns, for real tokens and hostile ones.
func FuzzParse(f *testing.F) {
	policytest.FuzzSeededParse(f, New, fixtureDir, "fuzz.json", `{"iss":"https://token.actions.githubusercontent.com","iss":"x","aud":[1,{"a":[]}],"sub":null,"repository_id":74,"a":{"b":[2]},"groups":[null]}`,
		`{"provider": {"name": 5, "oidc": {"issuerUri": null, "allowedAudiences": [1]}, "attributeMapping": {"google.subject": "assertion.a.b[0] + 1", "google.groups": "assertion", "attribute.x": "[1, 'a']"}, "attributeCondition": "google.groups.exists(g, g == attribute.x)"}, "bindings": [{"members": ["principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/subject/"]}, 3]}`,
		"attributeMapping:\n  google.subject: assertion.sub\noidc: {issuerUri: x}\noidcscopeMembers: [principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*]\n",
	)
}

// FuzzEvaluateToken: any payload against every fixture provider:
// Evaluate, Suggest and Snippets never panic (Suggest checks its own round
// trip and errors rather than return a document that does not allow the
// token).
func FuzzEvaluateToken(f *testing.F) {
	policytest.SeedClaimSets(f, "push-main", "environment-prod", "custom-sub")
	f.Add([]byte(`{"iss":"https://token.actions.githubusercontent.com","aud":["x","https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q"],"repository_owner_id":"65","repository_id":"7'4","ref":"\u202e","sub":"x","sub":"y","environment":""}`))
	pols := policytest.FixtureDocumentPolicies(f, New(), fixtureDir)
	// One scope per input keeps an execution cheap (a suggestion
	// compiles and evaluates its own document).
	policytest.FuzzEvaluateToken(f, New(), pols, func(data []byte) []policy.Scope {
		return []policy.Scope{policy.Scopes[len(data)%len(policy.Scopes)]}
	})
}

// FuzzSplitAnd: the term splitter never panics, and its pieces come from
// the input.
func FuzzSplitAnd(f *testing.F) {
	for _, s := range []string{"a && b", "(a && 'x&&y') && r'\\' && \"\"\"q\"\"\"", "// c\n a && (b", "''' && '''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, p := range splitAnd(src) {
			if !strings.Contains(src, p) {
				t.Fatalf("piece %q is not in %q", p, src)
			}
		}
	})
}
