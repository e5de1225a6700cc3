package simulate

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// Sources cited below (shared reference github-oidc-and-trust-policies.md
// §10 has the commits):
//
//	[S1]   GitHub docs, "OpenID Connect reference" (docs.github.com/en/actions/reference/security/oidc):
//	       the sub evaluation order and formats, include_claim_keys, immutable subjects.
//	[S2]   GitHub docs, "About security hardening with OpenID Connect": the example
//	       payload, testdata/docs-example.json.
//	[S3]   GitHub docs, "Using OpenID Connect with reusable workflows": job_workflow_ref
//	       is the called workflow, workflow_ref the caller.
//	[EV]   GitHub docs, "Events that trigger workflows"
//	       (docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows):
//	       GITHUB_REF per event (schedule and workflow_dispatch: the default or chosen
//	       branch; merge_group: the merge group's ref; pull_request: refs/pull/N/merge;
//	       pull_request_target: the base branch).
//	[S12]  The real token of reference §1.6, testdata/real-workflow-dispatch.json.
//	[FIX]  The fixture claim sets, fixtures/claims (README.md there).
//	[KYMA] kyma-project/test-infra#9976 (reference §1.4): pull_request_target tokens
//	       carry the base ref; whether sub ends in :pull_request is not confirmed.

// TestEventKinds: the claims GitHub issues per kind of job, one row per
// kind the issue names, each with the source its expected values come
// from. Every claim of want is checked; absent claims must be missing.
func TestEventKinds(t *testing.T) {
	octo := Context{Repository: "octo-org/octo-repo", OwnerID: "65", RepoID: "74", Workflow: ".github/workflows/ci.yml"}
	with := func(f func(*Context)) Context { c := octo; f(&c); return c }
	const wf = "octo-org/octo-repo/.github/workflows/ci.yml@"
	tests := []struct {
		name, source string
		ctx          Context
		want         map[string]string
		absent       []string
		noted        string // a note the simulation must carry: an unconfirmed rule
	}{
		{"push to a branch", "[S1] ref:refs/heads/BRANCH-NAME; [FIX] push-main",
			with(func(c *Context) { c.Event, c.Ref = "push", "refs/heads/main" }),
			map[string]string{"event_name": "push", "ref": "refs/heads/main", "ref_type": "branch", "base_ref": "", "head_ref": "",
				"sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "workflow_ref": wf + "refs/heads/main", "job_workflow_ref": wf + "refs/heads/main"},
			[]string{"environment"}, ""},
		{"push of a tag", "[S1] ref:refs/tags/TAG-NAME; [FIX] reusable-workflow (a tag push)",
			with(func(c *Context) { c.Event, c.Ref = "push", "refs/tags/v1.4.0" }),
			map[string]string{"ref": "refs/tags/v1.4.0", "ref_type": "tag", "sub": "repo:octo-org/octo-repo:ref:refs/tags/v1.4.0", "workflow_ref": wf + "refs/tags/v1.4.0"},
			[]string{"environment"}, ""},
		{"pull_request", "[S1] repo:ORG-NAME/REPO-NAME:pull_request; [EV] refs/pull/N/merge; [FIX] pull-request",
			with(func(c *Context) {
				c.Event, c.Ref, c.HeadRef = "pull_request", "refs/pull/42/merge", "feature/oidc-login"
			}),
			map[string]string{"event_name": "pull_request", "ref": "refs/pull/42/merge", "ref_type": "branch", "base_ref": "main", "head_ref": "feature/oidc-login",
				"sub": "repo:octo-org/octo-repo:pull_request", "workflow_ref": wf + "refs/pull/42/merge"},
			[]string{"environment"}, ""},
		{"pull_request_target", "[EV] GITHUB_REF is the base branch; [KYMA] observed base ref; sub unconfirmed",
			with(func(c *Context) { c.Event, c.Ref = "pull_request_target", "feature/x" }),
			map[string]string{"event_name": "pull_request_target", "ref": "refs/heads/main", "base_ref": "main", "head_ref": "feature/x",
				"sub": "repo:octo-org/octo-repo:pull_request", "workflow_ref": wf + "refs/heads/main"},
			[]string{"environment"}, "GitHub's documentation does not say"},
		{"workflow_dispatch", "[S2] docs example and [S12] real token: event workflow_dispatch on refs/heads/main; [FIX] self-hosted",
			with(func(c *Context) { c.Event, c.Ref = "workflow_dispatch", "main" }),
			map[string]string{"event_name": "workflow_dispatch", "ref": "refs/heads/main", "ref_type": "branch", "base_ref": "", "head_ref": "",
				"sub": "repo:octo-org/octo-repo:ref:refs/heads/main"},
			[]string{"environment"}, ""},
		{"workflow_dispatch on a tag", "[EV] the chosen branch or tag; [S1] ref:refs/tags/TAG-NAME",
			with(func(c *Context) { c.Event, c.Ref = "workflow_dispatch", "refs/tags/v3" }),
			map[string]string{"ref": "refs/tags/v3", "ref_type": "tag", "sub": "repo:octo-org/octo-repo:ref:refs/tags/v3"},
			nil, ""},
		{"schedule", "[EV] schedule runs on the default branch; [S1] ref form",
			with(func(c *Context) { c.Event = "schedule" }),
			map[string]string{"event_name": "schedule", "ref": "refs/heads/main", "ref_type": "branch", "sub": "repo:octo-org/octo-repo:ref:refs/heads/main"},
			[]string{"environment"}, "default branch"},
		{"merge_group", "[EV] GITHUB_REF is the merge group's ref (gh-readonly-queue/…); [S1] ref form",
			with(func(c *Context) { c.Event, c.Ref = "merge_group", "refs/heads/gh-readonly-queue/main/pr-7-abc" }),
			map[string]string{"event_name": "merge_group", "ref": "refs/heads/gh-readonly-queue/main/pr-7-abc", "ref_type": "branch", "base_ref": "", "head_ref": "",
				"sub": "repo:octo-org/octo-repo:ref:refs/heads/gh-readonly-queue/main/pr-7-abc"},
			nil, ""},
		{"environment job", "[S1] environment beats the event and the ref; [S2] docs example; [FIX] environment-prod",
			with(func(c *Context) { c.Event, c.Ref, c.Environment = "push", "main", "prod" }),
			map[string]string{"environment": "prod", "sub": "repo:octo-org/octo-repo:environment:prod", "ref": "refs/heads/main"},
			nil, ""},
		{"environment job on a pull request", "[S1] an environment beats a pull request",
			with(func(c *Context) { c.Event, c.Ref, c.Environment = "pull_request", "refs/pull/9/merge", "preview" }),
			map[string]string{"environment": "preview", "sub": "repo:octo-org/octo-repo:environment:preview", "base_ref": "main"},
			nil, ""},
		{"reusable workflow, same repository", "[S3] job_workflow_ref is the called workflow, workflow_ref the caller; sub unchanged by default",
			with(func(c *Context) {
				c.Event, c.Ref = "push", "main"
				c.JobWorkflow = "octo-org/octo-repo/.github/workflows/deploy-reusable.yml@refs/heads/main"
			}),
			map[string]string{"workflow_ref": wf + "refs/heads/main", "job_workflow_ref": "octo-org/octo-repo/.github/workflows/deploy-reusable.yml@refs/heads/main",
				"sub": "repo:octo-org/octo-repo:ref:refs/heads/main"},
			nil, ""},
		{"reusable workflow, other repository", "[S3]; [S2] docs example job_workflow_ref; [FIX] reusable-workflow",
			with(func(c *Context) {
				c.Event, c.Ref = "push", "refs/tags/v1.4.0"
				c.JobWorkflow = "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"
			}),
			map[string]string{"workflow_ref": wf + "refs/tags/v1.4.0", "job_workflow_ref": "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main",
				"repository": "octo-org/octo-repo", "sub": "repo:octo-org/octo-repo:ref:refs/tags/v1.4.0"},
			nil, ""},
		{"custom sub template", "[S1] include_claim_keys [repo, context, job_workflow_ref] example; [FIX] custom-sub",
			with(func(c *Context) {
				c.Event, c.Ref, c.Environment = "push", "main", "prod"
				c.JobWorkflow = "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"
				c.SubTemplate = []string{"repo", "context", "job_workflow_ref"}
			}),
			map[string]string{"sub": "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"},
			nil, ""},
		{"custom sub template of IDs", "[S1] include_claim_keys [repository_owner_id] → repository_owner_id:65",
			with(func(c *Context) { c.Event, c.SubTemplate = "push", []string{"repository_owner_id"} }),
			map[string]string{"sub": "repository_owner_id:65"}, nil, ""},
		{"immutable subject", "[S1] repo:OWNER@OWNER_ID/REPO@REPO_ID:<context>, e.g. repo:octo-org@123456/octo-repo@789012:ref:refs/heads/main; [FIX] immutable-sub",
			with(func(c *Context) {
				c.OwnerID, c.RepoID, c.Immutable, c.Event, c.Ref = "123456", "789012", true, "push", "main"
			}),
			map[string]string{"sub": "repo:octo-org@123456/octo-repo@789012:ref:refs/heads/main", "repository": "octo-org/octo-repo",
				"repository_owner_id": "123456", "repository_id": "789012"},
			nil, ""},
		{"immutable subject keeps the IDs in a custom template", "[S1] the IDs remain in the repo segment with include_claim_keys",
			with(func(c *Context) {
				c.Immutable, c.Event, c.Ref, c.Environment = true, "push", "main", "prod"
				c.SubTemplate = []string{"repo", "context", "job_workflow_ref"}
			}),
			map[string]string{"sub": "repo:octo-org@65/octo-repo@74:environment:prod:job_workflow_ref:" + wf + "refs/heads/main"},
			nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.source == "" {
				t.Fatal("every row cites its source")
			}
			sim, err := Build(tt.ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range slices.Sorted(maps.Keys(tt.want)) {
				if got, ok := sim.Claims[k]; !ok || got != tt.want[k] {
					t.Errorf("%s = %v, want %q (%s)", k, got, tt.want[k], tt.source)
				}
			}
			for _, k := range tt.absent {
				if v, ok := sim.Claims[k]; ok {
					t.Errorf("%s = %v, want no such claim", k, v)
				}
			}
			if tt.noted != "" && !slices.ContainsFunc(sim.Notes, func(n string) bool { return strings.Contains(n, tt.noted) }) {
				t.Errorf("notes %q: want one saying %q", sim.Notes, tt.noted)
			}
		})
	}
}

// TestDocsExampleToken: GitHub's documented example payload [S2] (a
// workflow_dispatch job in environment prod, defined by a reusable
// workflow of another repository), rebuilt from its context. The example
// predates several claims, so it is compared one way: each of its claims
// is simulated, equal unless only a run has it.
func TestDocsExampleToken(t *testing.T) {
	sim, err := Build(Context{Repository: "octo-org/octo-repo", OwnerID: "65", RepoID: "74", Event: "workflow_dispatch", Ref: "refs/heads/main",
		Environment: "prod", JobWorkflow: "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", Actor: "octocat", ActorID: "12"})
	if err != nil {
		t.Fatal(err)
	}
	docs := testdataClaims("docs-example.json")(t)
	for _, k := range slices.Sorted(maps.Keys(docs)) {
		got, ok := sim.Claims[k]
		switch {
		case !ok:
			t.Errorf("claim %s of the docs example is not simulated", k)
		case slices.Contains(sim.Placeholders, k), k == "iat", k == "nbf", k == "exp":
		case got != docs[k]:
			t.Errorf("%s = %v, docs example %v", k, got, docs[k])
		}
	}
}
