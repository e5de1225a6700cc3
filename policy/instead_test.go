package policy_test

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestResultInstead: the conditions offered in place of a result's
// failing ones are the result's own Fixes (aimed at what failed, so the
// first one, which a copy takes, is the likeliest), then its provider's
// snippets for the claims a failing (or erroring) condition reads, in the
// order given.
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
	if want := []string{"F", "R", "S"}; !slices.Equal(texts, want) {
		t.Errorf("Instead = %q, want %q", texts, want)
	}
}

// TestResultInsteadLeavesOut: Instead never offers a snippet marked Wide
// (it lets in more than the token's repository, e.g. every ref), nor
// one for a claim only a condition marked TokenSide reads (the refusal is
// the token's: no change to the document should undo it); a claim another
// failing condition reads too keeps its snippets.
func TestResultInsteadLeavesOut(t *testing.T) {
	satisfied := []policy.Snippet{
		{Provider: "gcp", Claim: "aud", Text: "A"},
		{Provider: "gcp", Claim: "ref", Text: "ref-wide member", Wide: true},
		{Provider: "gcp", Claim: "repository_id", Text: "O"},
		{Provider: "gcp", Claim: "repository_id", Text: "wide member", Wide: true},
		{Provider: "gcp", Claim: "environment", Text: "E"},
	}
	for _, tc := range []struct {
		name  string
		conds []policy.Condition
		fixes []policy.Snippet
		want  []string
	}{
		{"wide snippets", []policy.Condition{
			{Claims: []string{"ref", "repository_id"}, Result: policy.Fail},
		}, nil, []string{"O"}},
		{"a wide fix", []policy.Condition{
			{Claims: []string{"environment"}, Result: policy.Fail},
		}, []policy.Snippet{{Provider: "gcp", Text: "F"}, {Provider: "gcp", Text: "wide fix", Wide: true}}, []string{"F", "E"}},
		{"token's side", []policy.Condition{
			{Claims: []string{"aud"}, Result: policy.Fail, TokenSide: true},
			{Claims: []string{"environment"}, Result: policy.Fail},
		}, nil, []string{"E"}},
		{"token's side and another failing condition", []policy.Condition{
			{Claims: []string{"aud"}, Result: policy.Fail, TokenSide: true},
			{Claims: []string{"aud", "environment"}, Result: policy.Errored},
		}, nil, []string{"A", "E"}},
		{"token's side only", []policy.Condition{
			{Claims: []string{"aud"}, Result: policy.Fail, TokenSide: true},
		}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := policy.Result{Provider: "gcp", Conditions: tc.conds, Fixes: tc.fixes}
			var texts []string
			for _, sn := range r.Instead(satisfied) {
				texts = append(texts, sn.Text)
			}
			if !slices.Equal(texts, tc.want) {
				t.Errorf("Instead = %q, want %q", texts, tc.want)
			}
		})
	}
}

// TestResultInsteadOwnerAndTokenSideFixes: a snippet or a fix on an
// owner-scope claim is never offered, Wide or not (alone it lets in every
// repository of the owner or enterprise); a fix for a claim only a
// token-side condition reads is left out like its snippets (pasted, an
// audience fix would make the provider accept tokens requested for
// another one), unless another failing condition reads the claim; a fix
// naming no claim stays.
func TestResultInsteadOwnerAndTokenSideFixes(t *testing.T) {
	satisfied := []policy.Snippet{
		{Provider: "octo-sts", Claim: "repository_id", Text: "R"},
		{Provider: "octo-sts", Claim: "repository_owner", Text: "owner name"},
		{Provider: "octo-sts", Claim: "repository_owner_id", Text: "owner ID"},
		{Provider: "octo-sts", Claim: "enterprise", Text: "enterprise slug"},
		{Provider: "octo-sts", Claim: "enterprise_id", Text: "enterprise ID"},
		{Provider: "octo-sts", Claim: "aud", Text: "A"},
	}
	owners := []policy.Condition{{Claims: []string{"repository_owner", "repository_owner_id", "enterprise", "enterprise_id", "repository_id"}, Result: policy.Fail}}
	audFix := policy.Snippet{Provider: "octo-sts", Claim: "aud", Text: "aud fix"}
	for _, tc := range []struct {
		name  string
		conds []policy.Condition
		fixes []policy.Snippet
		want  []string
	}{
		{"owner-scope snippets", owners, nil, []string{"R"}},
		{"owner-scope fixes", owners, []policy.Snippet{
			{Provider: "octo-sts", Claim: "repository_owner", Text: "owner union"},
			{Provider: "octo-sts", Claim: "repository_owner_id", Text: "owner ID union"},
			{Provider: "octo-sts", Claim: "enterprise_id", Text: "enterprise union"},
			{Provider: "octo-sts", Claim: "repository_id", Text: "ID union"},
		}, []string{"ID union", "R"}},
		{"token-side fix", []policy.Condition{
			{Claims: []string{"aud"}, Result: policy.Fail, TokenSide: true},
		}, []policy.Snippet{audFix, {Provider: "octo-sts", Text: "no claim"}}, []string{"no claim"}},
		{"token-side fix and another failing condition", []policy.Condition{
			{Claims: []string{"aud"}, Result: policy.Fail, TokenSide: true},
			{Claims: []string{"aud"}, Result: policy.Fail},
		}, []policy.Snippet{audFix}, []string{"aud fix", "A"}},
		{"fix of a passing token-side condition", []policy.Condition{
			{Claims: []string{"aud"}, Result: policy.Pass, TokenSide: true},
		}, []policy.Snippet{audFix}, []string{"aud fix"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := policy.Result{Provider: "octo-sts", Conditions: tc.conds, Fixes: tc.fixes}
			var texts []string
			for _, sn := range r.Instead(satisfied) {
				texts = append(texts, sn.Text)
			}
			if !slices.Equal(texts, tc.want) {
				t.Errorf("Instead = %q, want %q", texts, tc.want)
			}
		})
	}
}

// TestResultInsteadPairedOwnerClaims: a trusted publisher's owner_id line
// and Google Cloud's attributeMapping entry on an owner claim are not
// grants on their own (the publisher's document names the repository;
// Google Cloud marks its owner-wide terms Wide itself), so they stay.
func TestResultInsteadPairedOwnerClaims(t *testing.T) {
	for _, provider := range []string{policy.NuGet, policy.GCP} {
		r := policy.Result{Provider: provider, Conditions: []policy.Condition{{Claims: []string{"repository_owner_id"}, Result: policy.Fail}},
			Fixes: []policy.Snippet{{Provider: provider, Claim: "enterprise_id", Text: "F"}}}
		var texts []string
		for _, sn := range r.Instead([]policy.Snippet{{Provider: provider, Claim: "repository_owner_id", Text: "O"}, {Provider: provider, Claim: "repository_owner_id", Text: "wide", Wide: true}}) {
			texts = append(texts, sn.Text)
		}
		if want := []string{"F", "O"}; !slices.Equal(texts, want) {
			t.Errorf("%s: Instead = %q, want %q", provider, texts, want)
		}
	}
}
