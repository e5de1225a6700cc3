package policytest

import (
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

// TestFixtureWith: a change replaces a claim where it stands, nil removes
// one, new claims come last in key order, and raw JSON stays JSON.
func TestFixtureWith(t *testing.T) {
	base := FixtureToken(t, "push-main")
	tok := FixtureWith(t, "push-main", map[string]any{
		"sub": "x", "ref": nil, "zz": "last", "aa": json.RawMessage(`[1, "a"]`),
	})
	var keys []string
	for _, m := range tok.Payload.Members {
		keys = append(keys, m.Key)
	}
	var want []string
	for _, m := range base.Payload.Members {
		if m.Key != "ref" {
			want = append(want, m.Key)
		}
	}
	want = append(want, "aa", "zz")
	if len(keys) != len(want) {
		t.Fatalf("keys %q, want %q", keys, want)
	}
	for i := range keys {
		if keys[i] != want[i] {
			t.Fatalf("keys %q, want %q", keys, want)
		}
	}
	if s, _ := tok.String("sub"); s != "x" {
		t.Errorf("sub %q", s)
	}
	if v, _ := tok.Claim("aa"); v.Kind != decode.Array || len(v.Items) != 2 || v.Items[1].Text != "a" {
		t.Errorf("aa %+v, want the list [1, \"a\"]", v)
	}
}
