package simulate

import (
	"maps"
	"strings"
	"testing"
)

// TestFollow: an edit of a claim other claims are built from changes
// them as Build would (the what-if's pull request gets the merge ref and
// its branches, not the push's ref); a claim the user edited is kept,
// and said to differ from what GitHub would issue.
func TestFollow(t *testing.T) {
	const (
		deployAt = "octo-org/octo-repo/.github/workflows/deploy.yml@"
		ciAt     = "octo-org/octo-repo/.github/workflows/ci.yml@"
		release  = "octo-org/octo-repo/.github/workflows/release.yml@"
	)
	tests := []struct {
		name      string
		fixture   string
		pre       map[string]any // the claims as earlier edits (and what followed them) left them
		edited    []string       // claims the user edited before
		edit      map[string]any // the claims the user changes in this edit
		want      map[string]string
		conflicts []string
		note      []string // in the note
	}{
		{name: "push to pull_request: the merge ref, a made-up head, the default branch as base", fixture: "push-main",
			edit: map[string]any{"event_name": "pull_request"},
			want: map[string]string{"ref": "refs/pull/1/merge", "ref_protected": "false", "head_ref": "feature", "base_ref": "main",
				"workflow_ref": deployAt + "refs/pull/1/merge", "job_workflow_ref": deployAt + "refs/pull/1/merge"},
			note: []string{`ref "refs/pull/1/merge" (made up)`, `ref_protected "false"`, `head_ref "feature" (made up)`, `base_ref "main"`}},
		{name: "push to pull_request_target: the run stays on the base branch", fixture: "push-main",
			edit: map[string]any{"event_name": "pull_request_target"},
			want: map[string]string{"head_ref": "feature", "base_ref": "main"}},
		{name: "pull request to push: the base branch, no head or base", fixture: "pull-request",
			edit: map[string]any{"event_name": "push"},
			want: map[string]string{"ref": "refs/heads/main", "head_ref": "", "base_ref": "",
				"workflow_ref": ciAt + "refs/heads/main", "job_workflow_ref": ciAt + "refs/heads/main"},
			note: []string{`ref "refs/heads/main" (assumed`}},
		{name: "pull_request to pull_request_target: the base branch, same branches", fixture: "pull-request",
			edit: map[string]any{"event_name": "pull_request_target"},
			want: map[string]string{"ref": "refs/heads/main",
				"workflow_ref": ciAt + "refs/heads/main", "job_workflow_ref": ciAt + "refs/heads/main"}},
		{name: "push to workflow_dispatch: nothing", fixture: "push-main",
			edit: map[string]any{"event_name": "workflow_dispatch"}, want: map[string]string{}},
		{name: "a tag's push to pull_request: a branch ref; a reusable workflow elsewhere stays", fixture: "reusable-workflow",
			edit: map[string]any{"event_name": "pull_request"},
			want: map[string]string{"ref": "refs/pull/1/merge", "ref_type": "branch", "head_ref": "feature", "base_ref": "main",
				"workflow_ref": release + "refs/pull/1/merge"}},
		{name: "ref to a tag: ref_type and the workflow refs", fixture: "push-main",
			edit: map[string]any{"ref": "refs/tags/v1"},
			want: map[string]string{"ref_type": "tag", "workflow_ref": deployAt + "refs/tags/v1", "job_workflow_ref": deployAt + "refs/tags/v1"}},
		{name: "a pull request's ref to a branch: the head branch; ref kept and said to differ, the workflow refs left", fixture: "pull-request",
			edit:      map[string]any{"ref": "refs/heads/fix"},
			want:      map[string]string{"head_ref": "fix"},
			conflicts: []string{"ref"},
			note:      []string{`ref kept as edited`, `"refs/pull/1/merge"`, `head_ref "fix"`}},
		{name: "pull_request_target's ref: the default branch it runs from, whatever the base", fixture: "pull-request",
			pre: map[string]any{"event_name": "pull_request_target", "ref": "refs/heads/main",
				"workflow_ref": ciAt + "refs/heads/main", "job_workflow_ref": ciAt + "refs/heads/main"},
			edited: []string{"event_name"},
			edit:   map[string]any{"ref": "refs/heads/release"},
			want: map[string]string{
				"workflow_ref": ciAt + "refs/heads/release", "job_workflow_ref": ciAt + "refs/heads/release"}},
		{name: "ref edited before is kept when the event changes", fixture: "push-main",
			pre: map[string]any{"ref": "refs/heads/dev",
				"workflow_ref": deployAt + "refs/heads/dev", "job_workflow_ref": deployAt + "refs/heads/dev"},
			edited:    []string{"ref"},
			edit:      map[string]any{"event_name": "pull_request"},
			want:      map[string]string{"ref_protected": "false", "head_ref": "dev", "base_ref": "main"},
			conflicts: []string{"ref"},
			note:      []string{`ref kept as edited`, `"refs/pull/1/merge"`}},
		{name: "head_ref edited before is kept", fixture: "push-main",
			pre: map[string]any{"head_ref": "topic"}, edited: []string{"head_ref"},
			edit: map[string]any{"event_name": "pull_request"},
			want: map[string]string{"ref": "refs/pull/1/merge", "ref_protected": "false", "base_ref": "main",
				"workflow_ref": deployAt + "refs/pull/1/merge", "job_workflow_ref": deployAt + "refs/pull/1/merge"}},
		{name: "ref_type edited to differ from ref: kept and said to differ", fixture: "push-main",
			edit: map[string]any{"ref_type": "tag"}, want: map[string]string{}, conflicts: []string{"ref_type"},
			note: []string{`ref_type kept as edited`, `"branch"`}},
		{name: "environment: only sub, which Follow leaves to Resubject", fixture: "push-main",
			edit: map[string]any{"environment": "prod"}, want: map[string]string{}},
		{name: "an edit of no claim refs are built from: nothing", fixture: "pull-request",
			edit: map[string]any{"actor": "mallory"}, want: map[string]string{}},
		{name: "nor after an edited ref: the ref's difference was said with its edit", fixture: "pull-request",
			pre: map[string]any{"ref": "refs/heads/fix", "head_ref": "fix"}, edited: []string{"ref"},
			edit: map[string]any{"actor": "mallory"}, want: map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := maps.Clone(fixture(tt.fixture)(t))
			maps.Copy(before, tt.pre)
			after := maps.Clone(before)
			maps.Copy(after, tt.edit)
			got, err := Follow(before, after, tt.edited...)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got.Claims, tt.want) {
				t.Errorf("followed %v\nwant     %v", got.Claims, tt.want)
			}
			if strings.Join(got.Conflicts, ",") != strings.Join(tt.conflicts, ",") {
				t.Errorf("conflicts %v, want %v", got.Conflicts, tt.conflicts)
			}
			for _, want := range tt.note {
				if !strings.Contains(got.Note, want) {
					t.Errorf("note %q lacks %q", got.Note, want)
				}
			}
			if len(tt.want) == 0 && len(tt.conflicts) == 0 && got.Note != "" {
				t.Errorf("nothing followed, yet the note says %q", got.Note)
			}
		})
	}
}

// TestFollowRoundTrip: push to pull_request and back gives the token's
// own claims again (so the what-if shows the real report again).
func TestFollowRoundTrip(t *testing.T) {
	for _, events := range [][2]string{{"push", "pull_request"}, {"push", "pull_request_target"}} {
		own := fixture("push-main")(t)
		cl := maps.Clone(own)
		for _, ev := range []string{events[1], events[0]} {
			next := maps.Clone(cl)
			next["event_name"] = ev
			got, err := Follow(cl, next)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range got.Claims {
				next[k] = v
			}
			cl = next
		}
		for _, k := range []string{"ref", "ref_type", "head_ref", "base_ref", "workflow_ref", "job_workflow_ref"} {
			if cl[k] != own[k] {
				t.Errorf("%s → %s → %s: %s = %v, want the token's own %v", events[0], events[1], events[0], k, cl[k], own[k])
			}
		}
	}
}

// TestFollowAgreesWithBuild: the pull request a what-if makes of the demo's
// push is the one simulate --event pull_request builds, in every claim
// Follow changes.
func TestFollowAgreesWithBuild(t *testing.T) {
	own := fixture("push-main")(t)
	after := maps.Clone(own)
	after["event_name"] = "pull_request"
	got, err := Follow(own, after)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := Build(Context{Repository: "octo-org/octo-repo", Event: "pull_request", Workflow: ".github/workflows/deploy.yml"})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range got.Claims {
		if sim.Claims[k] != v {
			t.Errorf("%s: followed %q, simulate builds %q", k, v, sim.Claims[k])
		}
	}
}

// TestFollowWithoutAContext: claims Build cannot run on (no repository)
// follow nothing and say why.
func TestFollowWithoutAContext(t *testing.T) {
	before := map[string]any{"event_name": "push", "ref": "refs/heads/main"}
	after := map[string]any{"event_name": "pull_request", "ref": "refs/heads/main"}
	got, err := Follow(before, after)
	if err == nil || len(got.Claims) != 0 {
		t.Errorf("Follow = %v, %v; want nothing and an error", got, err)
	}
}
