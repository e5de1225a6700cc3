package simulate

import (
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// TestResubjectKeepsEveryFixtureSub: with no claim changed, the rule
// rebuilds each fixture token's own sub (legacy, immutable, environment,
// pull request, custom template), so a what-if changes sub only when a
// part of it changes.
func TestResubjectKeepsEveryFixtureSub(t *testing.T) {
	for _, name := range fixtures.Names() {
		t.Run(name, func(t *testing.T) {
			cl := fixture(name)(t)
			sub, _ := cl["sub"].(string)
			got, err := Resubject(cl, sub)
			if err != nil {
				t.Fatal(err)
			}
			if got != sub {
				t.Errorf("Resubject = %q, want the token's own %q", got, sub)
			}
		})
	}
}

func TestResubjectAfterAnEdit(t *testing.T) {
	tests := []struct {
		name    string
		fixture string
		edit    map[string]any
		remove  []string
		form    SubjectForm
		want    string
	}{
		{name: "push to pull_request", fixture: "push-main", edit: map[string]any{"event_name": "pull_request"},
			want: "repo:octo-org/octo-repo:pull_request"},
		{name: "pull_request_target is a pull request too", fixture: "push-main", edit: map[string]any{"event_name": "pull_request_target"},
			want: "repo:octo-org/octo-repo:pull_request"},
		{name: "an environment beats the pull request", fixture: "pull-request", edit: map[string]any{"environment": "prod"},
			want: "repo:octo-org/octo-repo:environment:prod"},
		{name: "pull request back to push: the ref", fixture: "pull-request", edit: map[string]any{"event_name": "push", "ref": "refs/heads/main"},
			want: "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{name: "environment removed: the ref", fixture: "environment-prod", remove: []string{"environment"},
			want: "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{name: "colons in an environment escaped", fixture: "push-main", edit: map[string]any{"environment": "Production:V1"},
			want: "repo:octo-org/octo-repo:environment:Production%3AV1"},
		{name: "a tag", fixture: "push-main", edit: map[string]any{"ref": "refs/tags/v2"},
			want: "repo:octo-org/octo-repo:ref:refs/tags/v2"},
		{name: "immutable keeps its IDs", fixture: "immutable-sub", edit: map[string]any{"event_name": "pull_request"},
			want: "repo:octo-org@65/octo-repo@74:pull_request"},
		{name: "renamed repository", fixture: "push-main", edit: map[string]any{"repository": "octo-org/new-name"},
			want: "repo:octo-org/new-name:ref:refs/heads/main"},
		{name: "custom template keeps its keys", fixture: "custom-sub", remove: []string{"environment"},
			want: "repo:octo-org/octo-repo:ref:refs/heads/main:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"},
		{name: "custom template value edited", fixture: "custom-sub", edit: map[string]any{"job_workflow_ref": "octo-org/other/.github/workflows/x.yml@refs/tags/v1"},
			want: "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/other/.github/workflows/x.yml@refs/tags/v1"},
		{name: "to the immutable form", fixture: "push-main", form: ImmutableForm,
			want: "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"},
		{name: "to the legacy form", fixture: "immutable-sub", form: LegacyForm,
			want: "repo:octo-org/octo-repo:ref:refs/heads/main"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := maps.Clone(fixture(tt.fixture)(t))
			sub := cl["sub"].(string)
			maps.Copy(cl, tt.edit)
			for _, k := range tt.remove {
				delete(cl, k)
			}
			got, err := ResubjectAs(cl, sub, tt.form)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("sub = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResubjectRefuses(t *testing.T) {
	base := map[string]any{"repository": "octo-org/octo-repo", "event_name": "push", "ref": "refs/heads/main"}
	tests := []struct {
		name   string
		claims map[string]any
		sub    string
		form   SubjectForm
	}{
		{name: "no form", claims: base, sub: "not a sub"},
		{name: "nothing after the repository", claims: base, sub: "repo:octo-org/octo-repo"},
		{name: "empty key", claims: base, sub: "repo:octo-org/octo-repo::x"},
		{name: "immutable without IDs", claims: base, sub: "repo:octo-org/octo-repo:ref:refs/heads/main", form: ImmutableForm},
		{name: "template key not a claim", claims: base, sub: "repo:octo-org/octo-repo:ref:refs/heads/main:actor:octocat"},
		{name: "repository not OWNER/REPO", claims: map[string]any{"repository": "nope"}, sub: "repo:octo-org/octo-repo:pull_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResubjectAs(tt.claims, tt.sub, tt.form)
			if !errors.Is(err, ErrContext) {
				t.Errorf("ResubjectAs = %q, %v; want an error wrapping ErrContext", got, err)
			}
		})
	}
}

func TestKnownValues(t *testing.T) {
	for _, v := range RefTypes() {
		if refType(map[string]string{"branch": "refs/heads/x", "tag": "refs/tags/x"}[v]) != v {
			t.Errorf("ref_type %q is not what Build issues for its ref", v)
		}
	}
	for _, v := range RunnerEnvironments() {
		s, err := Build(Context{Repository: "o/r", Event: "push", Runner: v})
		if err != nil || s.Claims["runner_environment"] != v {
			t.Errorf("runner_environment %q: %v, %v", v, s.Claims["runner_environment"], err)
		}
	}
}

func TestTemplateOf(t *testing.T) {
	tests := map[string][]string{
		"repo:octo-org/octo-repo:ref:refs/heads/main":                                            {"repo", "context"},
		"repo:octo-org@65/octo-repo@74:pull_request":                                             {"repo", "context"},
		"repo:o/r:environment:prod:job_workflow_ref:o/a/.github/workflows/x.yml@refs/heads/main": {"repo", "context", "job_workflow_ref"},
		"event_name:push:repo:o/r:ref:refs/heads/main":                                           {"event_name", "repo", "context"},
	}
	for sub, want := range tests {
		got, err := TemplateOf(sub)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("TemplateOf(%q) = %v, %v; want %v", sub, got, err, want)
		}
	}
}
