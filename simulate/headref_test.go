package simulate

import (
	"slices"
	"testing"
)

// A pull request's head branch is the one the context names (--head-ref,
// else --ref), even the base's name: a fork's main into main is the
// commonest fork pull request. Only when nothing names one is it a
// made-up feature branch, listed as made up (reference §1.3: head_ref is
// the PR's source branch, base_ref its target). pull_request_target runs
// from the default branch whatever the base (GitHub, since 8 December
// 2025).
func TestPullRequestHeadIsNotTheBase(t *testing.T) {
	tests := []struct {
		name            string
		c               Context
		head, base, ref string
		headPlaceholder bool
	}{
		{"no ref", Context{Event: "pull_request"}, "feature", "main", "refs/pull/1/merge", true},
		{"ref names the base: a fork's main", Context{Event: "pull_request", Ref: "main"}, "main", "main", "refs/pull/1/merge", false},
		{"full ref names the given base", Context{Event: "pull_request", Ref: "refs/heads/develop", BaseRef: "develop"}, "develop", "develop", "refs/pull/1/merge", false},
		{"head given as the base", Context{Event: "pull_request_target", HeadRef: "main"}, "main", "main", "refs/heads/main", false},
		{"pull_request_target into release runs on the default branch", Context{Event: "pull_request_target", BaseRef: "release"}, "feature", "release", "refs/heads/main", true},
		{"pull_request_target, another default branch", Context{Event: "pull_request_target", BaseRef: "release", DefaultBranch: "trunk"}, "feature", "release", "refs/heads/trunk", true},
		{"a tag is no head", Context{Event: "pull_request", Ref: "refs/tags/v1"}, "feature", "main", "refs/pull/1/merge", true},
		{"base named feature", Context{Event: "pull_request", BaseRef: "feature"}, "feature-1", "feature", "refs/pull/1/merge", true},
		{"pull_request_target, no ref", Context{Event: "pull_request_target"}, "feature", "main", "refs/heads/main", true},
		{"ref names another branch", Context{Event: "pull_request", Ref: "fix/x"}, "fix/x", "main", "refs/pull/1/merge", false},
		{"head given", Context{Event: "pull_request", Ref: "refs/pull/7/merge", HeadRef: "fix/y"}, "fix/y", "main", "refs/pull/7/merge", false},
		{"head given beside a ref", Context{Event: "pull_request", Ref: "main", HeadRef: "fix/z"}, "fix/z", "main", "refs/pull/1/merge", false},
		{"another default branch", Context{Event: "pull_request", DefaultBranch: "trunk"}, "feature", "trunk", "refs/pull/1/merge", true},
		{"another default branch, base given", Context{Event: "pull_request", DefaultBranch: "trunk", BaseRef: "release"}, "feature", "release", "refs/pull/1/merge", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Repository = "o/r"
			sim, err := Build(tt.c)
			if err != nil {
				t.Fatal(err)
			}
			got := [3]any{sim.Claims["head_ref"], sim.Claims["base_ref"], sim.Claims["ref"]}
			if want := [3]any{tt.head, tt.base, tt.ref}; got != want {
				t.Errorf("head_ref, base_ref, ref = %q, want %q", got, want)
			}
			if slices.Contains(sim.Placeholders, "head_ref") != tt.headPlaceholder {
				t.Errorf("head_ref made up: %v, want %v (placeholders %q)", !tt.headPlaceholder, tt.headPlaceholder, sim.Placeholders)
			}
		})
	}
}

// The default branch stands in for an unnamed ref, and for the base of a
// pull request; main when not given.
func TestDefaultBranch(t *testing.T) {
	tests := []struct {
		c   Context
		ref string
	}{
		{Context{Event: "push"}, "refs/heads/main"},
		{Context{Event: "push", DefaultBranch: "trunk"}, "refs/heads/trunk"},
		{Context{Event: "push", DefaultBranch: "refs/heads/trunk"}, "refs/heads/trunk"},
		{Context{Event: "pull_request_target", DefaultBranch: "trunk"}, "refs/heads/trunk"},
	}
	for _, tt := range tests {
		tt.c.Repository = "o/r"
		sim, err := Build(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		if sim.Claims["ref"] != tt.ref {
			t.Errorf("%+v: ref %v, want %s", tt.c, sim.Claims["ref"], tt.ref)
		}
	}
}
