package policy_test

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestResultInstead: the conditions offered in place of a result's
// failing ones are its provider's, for the claims a failing (or erroring)
// condition reads, in the order given, then the result's own Fixes.
func TestResultInstead(t *testing.T) {
	r := policy.Result{Provider: "gcp", Conditions: []policy.Condition{
		{Claims: []string{"sub"}, Result: policy.Fail},
		{Claims: []string{"ref"}, Result: policy.Errored},
		{Claims: []string{"aud"}, Result: policy.Pass},
	}, Fixes: []policy.Snippet{{Provider: "gcp", Claim: "environment", Text: "F"}}}
	got := r.Instead([]policy.Snippet{
		{Provider: "gcp", Claim: "ref", Text: "R"},
		{Provider: "aws", Claim: "sub", Text: "other provider"},
		{Provider: "gcp", Claim: "aud", Text: "passing claim"},
		{Provider: "gcp", Claim: "sub", Text: "S"},
	})
	var texts []string
	for _, sn := range got {
		texts = append(texts, sn.Text)
	}
	if want := []string{"R", "S", "F"}; !slices.Equal(texts, want) {
		t.Errorf("Instead = %q, want %q", texts, want)
	}
}
