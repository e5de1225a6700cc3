package policytest

import (
	"slices"
	"strings"
	"testing"
)

func TestFixtureTokens(t *testing.T) {
	names := FixtureNames()
	if len(names) != 9 || names[0] != "push-main" {
		t.Fatalf("FixtureNames = %v, want the nine static tokens, push-main first", names)
	}
	for _, name := range names {
		tok := FixtureToken(t, name)
		if iss, _ := tok.String("iss"); !strings.HasPrefix(iss, "https://token.actions.githubusercontent.com") {
			t.Errorf("%s: iss %q is not GitHub's", name, iss)
		}
	}
	if sub, _ := FixtureToken(t, "push-main").String("sub"); sub != "repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("push-main sub = %q", sub)
	}
	if msg := failure(func(tb testing.TB) { FixtureToken(tb, "no-such-token") }); !strings.Contains(msg, "no-such-token") {
		t.Errorf("an unknown fixture should fail the test naming it, got %q", msg)
	}
}

func TestPayload(t *testing.T) {
	tok := Payload(t, `{"sub":"a","sub":"b"}`)
	if !tok.Duplicated("sub") {
		t.Error("duplicate keys must be kept for tests of ambiguous tokens")
	}
	if msg := failure(func(tb testing.TB) { Payload(tb, `{"sub":`) }); msg == "" {
		t.Error("broken JSON must fail the test")
	}
}

func TestEditClaims(t *testing.T) {
	base := `{"iss":"i","sub":"s","aud":"a"}`
	tests := []struct {
		changes map[string]string
		want    string
	}{
		{nil, `{"iss":"i","sub":"s","aud":"a"}`},
		{map[string]string{"sub": `"t"`}, `{"iss":"i","sub":"t","aud":"a"}`},
		{map[string]string{"sub": ""}, `{"iss":"i","aud":"a"}`},
		{map[string]string{"z": `1`, "b": `[2]`, "gone": ""}, `{"iss":"i","sub":"s","aud":"a","b":[2],"z":1}`},
		{map[string]string{"sub": `"x","sub":"y"`}, `{"iss":"i","sub":"x","sub":"y","aud":"a"}`},
	}
	for _, tt := range tests {
		if got := EditClaims(t, base, tt.changes); got != tt.want {
			t.Errorf("EditClaims(%v) = %s, want %s", tt.changes, got, tt.want)
		}
	}
	if tok := TokenWith(t, base, map[string]string{"sub": `"x","sub":"y"`}); !tok.Duplicated("sub") {
		t.Error("TokenWith should keep an injected duplicate")
	}
	if msg := failure(func(tb testing.TB) { EditClaims(tb, `[1]`, nil) }); msg == "" {
		t.Error("a base that is not an object must fail the test")
	}
}

func TestClaimsWith(t *testing.T) {
	tok := ClaimsWith(t, "push-main", map[string]any{"sub": "custom", "environment": "prod", "actor": nil, "aud": []string{"x", "y"}})
	if sub, _ := tok.String("sub"); sub != "custom" {
		t.Errorf("sub = %q, want the change", sub)
	}
	if env, _ := tok.String("environment"); env != "prod" {
		t.Errorf("environment = %q, want it added", env)
	}
	if _, ok := tok.Claim("actor"); ok {
		t.Error("actor should be removed")
	}
	if aud, _ := tok.Strings("aud"); !slices.Equal(aud, []string{"x", "y"}) {
		t.Errorf("aud = %q", aud)
	}
	if repo, _ := tok.String("repository"); repo != "octo-org/octo-repo" {
		t.Errorf("unchanged claims should stay: repository = %q", repo)
	}
	if msg := failure(func(tb testing.TB) { ClaimsWith(tb, "no-such-set", nil) }); msg == "" {
		t.Error("an unknown claim set must fail the test")
	}
}
