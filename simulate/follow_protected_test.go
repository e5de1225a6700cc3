package simulate

import (
	"maps"
	"slices"
	"testing"
)

// TestFollowRefProtected: ref_protected follows the ref as Build issues
// it. A protected push made a pull_request runs on the merge ref, which
// no rule protects: a what-if must not show it protected (a policy
// requiring ref_protected would let the pull request in). Where the ref
// stays protectable (pull_request_target on the default branch, a
// workflow_dispatch on the same ref) the token's own flag is kept; an
// edited flag is kept and said to differ.
func TestFollowRefProtected(t *testing.T) {
	tests := []struct {
		name      string
		edit      map[string]any
		edited    []string
		want      string // ref_protected after the edit and what followed
		conflicts []string
	}{
		{name: "push to pull_request: the merge ref is unprotected",
			edit: map[string]any{"event_name": "pull_request"}, want: "false"},
		{name: "push to pull_request_target: the default branch, as protected as before",
			edit: map[string]any{"event_name": "pull_request_target"}, want: "true"},
		{name: "push to workflow_dispatch: unchanged",
			edit: map[string]any{"event_name": "workflow_dispatch"}, want: "true"},
		{name: "ref_protected edited to true, then pull_request: kept and said to differ",
			edit: map[string]any{"event_name": "pull_request"}, edited: []string{"ref_protected"}, want: "true",
			conflicts: []string{"ref_protected"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := maps.Clone(fixture("push-main")(t))
			if before["ref_protected"] != "true" {
				t.Fatalf("fixture push-main: ref_protected %v, want true", before["ref_protected"])
			}
			after := maps.Clone(before)
			maps.Copy(after, tt.edit)
			got, err := Follow(before, after, tt.edited...)
			if err != nil {
				t.Fatal(err)
			}
			v := after["ref_protected"]
			if f, ok := got.Claims["ref_protected"]; ok {
				v = f
			}
			if v != tt.want {
				t.Errorf("ref_protected %v after the edit, want %s (followed %v)", v, tt.want, got.Claims)
			}
			if !slices.Equal(got.Conflicts, tt.conflicts) {
				t.Errorf("conflicts %v, want %v", got.Conflicts, tt.conflicts)
			}
		})
	}
}

// TestFollowTokenRestoresRefProtected: a what-if that turns the token's
// protected push into a pull request and back gets the token's own
// ref_protected again (the inspector then shows the real report); on
// another ref, the flag the claims before had is kept.
func TestFollowTokenRestoresRefProtected(t *testing.T) {
	own := fixture("push-main")(t)
	cl := maps.Clone(own)
	for _, ev := range []string{"pull_request", "push"} {
		next := maps.Clone(cl)
		next["event_name"] = ev
		got, err := FollowToken(own, cl, next)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range got.Claims {
			next[k] = v
		}
		cl = next
	}
	if !maps.Equal(cl, own) {
		t.Errorf("push → pull_request → push: %v\nwant the token's own %v", cl, own)
	}

	before := maps.Clone(own)
	before["event_name"], before["ref"], before["ref_protected"] = "pull_request", "refs/pull/1/merge", "false"
	before["base_ref"], before["head_ref"] = "release", "feature"
	after := maps.Clone(before)
	after["event_name"] = "push"
	got, err := FollowToken(own, before, after)
	if err != nil {
		t.Fatal(err)
	}
	if got.Claims["ref"] != "refs/heads/release" || got.Claims["ref_protected"] != "" {
		t.Errorf("a pull request into release made a push: followed %v; want ref release, ref_protected left false", got.Claims)
	}
}
