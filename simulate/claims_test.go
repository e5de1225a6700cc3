package simulate

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
)

// Each fixture claim set (fixtures/claims/README.md describes the job
// each one is) and the real token of the shared reference §1.6, rebuilt
// from its context: every claim GitHub derives from the context must be
// equal, every other one present and listed as a placeholder.
func TestBuildMatchesRealAndFixtureTokens(t *testing.T) {
	octo := Context{Repository: "octo-org/octo-repo", OwnerID: "65", RepoID: "74", Event: "push", Ref: "refs/heads/main", Protected: true}
	with := func(c Context, f func(*Context)) Context { f(&c); return c }
	tests := []struct {
		name   string
		ctx    Context
		actual func(t *testing.T) map[string]any
	}{
		{"push-main", with(octo, func(c *Context) { c.Audience, c.Workflow = "sts.amazonaws.com", ".github/workflows/deploy.yml" }), fixture("push-main")},
		{"pull-request", with(octo, func(c *Context) {
			c.Event, c.Ref, c.HeadRef, c.Workflow, c.Protected = "pull_request", "refs/pull/42/merge", "feature/oidc-login", "ci.yml", false
		}), fixture("pull-request")},
		{"environment-prod", with(octo, func(c *Context) {
			c.Environment, c.Audience, c.Workflow = "prod", "api://AzureADTokenExchange", ".github/workflows/deploy-prod.yml"
		}), fixture("environment-prod")},
		{"reusable-workflow", with(octo, func(c *Context) {
			c.Ref, c.Protected, c.Workflow = "refs/tags/v1.4.0", false, "release.yml"
			c.JobWorkflow = "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"
		}), fixture("reusable-workflow")},
		{"custom-sub", with(octo, func(c *Context) {
			c.Environment, c.Workflow = "prod", "deploy.yml"
			c.JobWorkflow = "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"
			c.SubTemplate = []string{"repo", "context", "job_workflow_ref"}
		}), fixture("custom-sub")},
		{"immutable-sub", with(octo, func(c *Context) { c.Immutable, c.Workflow = true, "ci.yml" }), fixture("immutable-sub")},
		{"self-hosted", with(octo, func(c *Context) {
			c.Event, c.Runner, c.Workflow, c.Actor = "workflow_dispatch", "self-hosted", "nightly.yml", "hubot"
		}), fixture("self-hosted")},
		{"enterprise", with(octo, func(c *Context) {
			c.Enterprise, c.EnterpriseIssuer, c.Visibility, c.Workflow = "avocado-corp", true, "internal", "ci.yml"
		}), fixture("enterprise")},
		{"other-repo", with(octo, func(c *Context) {
			c.Repository, c.RepoID, c.Audience, c.Workflow = "octo-org/octo-docs", "4242", "sts.amazonaws.com", "deploy.yml"
		}), fixture("other-repo")},
		// The real token of reference §1.6 (github/docs-era example, Nov 2025).
		{"real workflow_dispatch", Context{Repository: "container-registry/federated-idp-examples", OwnerID: "46576199", RepoID: "1104004353",
			Event: "workflow_dispatch", Ref: "main", Workflow: ".github/workflows/example_1.yml", Audience: "macfly4200.8gears.ch", Visibility: "public",
			Actor: "Vad1mo", ActorID: "1492007"}, testdataClaims("real-workflow-dispatch.json")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, err := Build(tt.ctx)
			if err != nil {
				t.Fatal(err)
			}
			compare(t, sim, tt.actual(t))
		})
	}
}

// compare: the simulation has exactly the actual token's claims; those
// it does not list as placeholders (nor the times) are equal.
func compare(t *testing.T, sim Simulation, actual map[string]any) {
	t.Helper()
	for k, want := range actual {
		got, ok := sim.Claims[k]
		switch {
		case !ok:
			t.Errorf("claim %s missing (actual %v)", k, want)
		case slices.Contains(sim.Placeholders, k), k == "iat", k == "nbf", k == "exp":
		case got != want:
			t.Errorf("%s = %v, want %v", k, got, want)
		}
	}
	for k := range sim.Claims {
		if _, ok := actual[k]; !ok {
			t.Errorf("claim %s is simulated but the actual token has none", k)
		}
	}
}

func fixture(name string) func(*testing.T) map[string]any {
	return func(t *testing.T) map[string]any {
		data, err := fixtures.ClaimSet(name)
		if err != nil {
			t.Fatal(err)
		}
		return decodePayload(t, data)
	}
}

func testdataClaims(file string) func(*testing.T) map[string]any {
	return func(t *testing.T) map[string]any {
		data, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		return decodePayload(t, data)
	}
}

// decodePayload reads a payload the way the simulation holds it: times as
// int64, everything else as strings.
func decodePayload(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
			continue
		}
		var n int64
		if err := json.Unmarshal(v, &n); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		out[k] = n
	}
	return out
}

// The sub rule and templates, per GitHub's documentation (reference
// §1.4-1.5; the docs' examples are cited per case).
func TestSubject(t *testing.T) {
	base := Context{Repository: "octo-org/octo-repo", OwnerID: "65", RepoID: "74", Event: "push", Ref: "refs/heads/main"}
	tests := []struct {
		name string
		edit func(*Context)
		want string
	}{
		{"push to a branch", func(*Context) {}, "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{"bare branch name", func(c *Context) { c.Ref = "release/2026" }, "repo:octo-org/octo-repo:ref:refs/heads/release/2026"},
		{"push of a tag", func(c *Context) { c.Ref = "refs/tags/v1" }, "repo:octo-org/octo-repo:ref:refs/tags/v1"},
		{"release", func(c *Context) { c.Event, c.Ref = "release", "refs/tags/v2.0.0" }, "repo:octo-org/octo-repo:ref:refs/tags/v2.0.0"},
		{"schedule", func(c *Context) { c.Event = "schedule" }, "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{"workflow_dispatch on a tag", func(c *Context) { c.Event, c.Ref = "workflow_dispatch", "refs/tags/v3" }, "repo:octo-org/octo-repo:ref:refs/tags/v3"},
		{"merge_group", func(c *Context) { c.Event, c.Ref = "merge_group", "refs/heads/gh-readonly-queue/main/pr-7-abc" }, "repo:octo-org/octo-repo:ref:refs/heads/gh-readonly-queue/main/pr-7-abc"},
		{"pull_request", func(c *Context) { c.Event, c.Ref = "pull_request", "feature/x" }, "repo:octo-org/octo-repo:pull_request"},
		{"pull_request_target", func(c *Context) { c.Event, c.Ref = "pull_request_target", "feature/x" }, "repo:octo-org/octo-repo:pull_request"},
		{"environment beats pull_request", func(c *Context) { c.Event, c.Environment = "pull_request", "preview" }, "repo:octo-org/octo-repo:environment:preview"},
		{"environment beats the ref", func(c *Context) { c.Environment = "prod" }, "repo:octo-org/octo-repo:environment:prod"},
		{"colon in an environment (docs: Production:V1)", func(c *Context) { c.Environment = "Production:V1" }, "repo:octo-org/octo-repo:environment:Production%3AV1"},
		{"immutable", func(c *Context) { c.Immutable = true }, "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"},
		{"immutable with a template keeps the IDs", func(c *Context) { c.Immutable, c.SubTemplate = true, []string{"repo", "context", "job_workflow_ref"} },
			"repo:octo-org@65/octo-repo@74:ref:refs/heads/main:job_workflow_ref:octo-org/octo-repo/.github/workflows/workflow.yml@refs/heads/main"},
		{"docs: repository_owner, repository_visibility", func(c *Context) {
			c.Repository, c.Visibility, c.SubTemplate = "monalisa/r", "private", []string{"repository_owner", "repository_visibility"}
		}, "repository_owner:monalisa:repository_visibility:private"},
		{"docs: repository_owner_id", func(c *Context) { c.SubTemplate = []string{"repository_owner_id"} }, "repository_owner_id:65"},
		{"[repo, context] is the default", func(c *Context) { c.SubTemplate = []string{"repo", "context"}; c.Environment = "e" }, "repo:octo-org/octo-repo:environment:e"},
		{"order as listed", func(c *Context) { c.SubTemplate = []string{"ref", "repo", "context"} }, "ref:refs/heads/main:repo:octo-org/octo-repo:ref:refs/heads/main"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			tt.edit(&c)
			sim, err := Build(c)
			if err != nil {
				t.Fatal(err)
			}
			if got := sim.Claims["sub"]; got != tt.want {
				t.Errorf("sub = %v, want %s", got, tt.want)
			}
		})
	}
}

// Pull requests: the merge ref, head and base refs (fixture
// pull-request; pull_request_target runs on the base branch).
func TestPullRequestRefs(t *testing.T) {
	c := Context{Repository: "o/r", Event: "pull_request", Ref: "feature/x", BaseRef: "develop"}
	sim, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"ref": "refs/pull/1/merge", "head_ref": "feature/x", "base_ref": "develop", "ref_type": "branch",
		"workflow_ref": "o/r/.github/workflows/workflow.yml@refs/pull/1/merge"}
	for k, v := range want {
		if sim.Claims[k] != v {
			t.Errorf("%s = %v, want %v", k, sim.Claims[k], v)
		}
	}
	if !slices.Contains(sim.Placeholders, "ref") {
		t.Error("the made-up pull request number is not listed as a placeholder")
	}
	c.Event = "pull_request_target"
	if sim, err = Build(c); err != nil {
		t.Fatal(err)
	}
	// It runs from the default branch whatever the base (GitHub, since
	// 8 December 2025).
	if sim.Claims["ref"] != "refs/heads/main" || sim.Claims["head_ref"] != "feature/x" || sim.Claims["base_ref"] != "develop" || len(sim.Notes) == 0 {
		t.Errorf("pull_request_target: ref %v head_ref %v notes %q", sim.Claims["ref"], sim.Claims["head_ref"], sim.Notes)
	}
}

func TestBuildRefusesImpossibleContexts(t *testing.T) {
	tests := []struct {
		name string
		c    Context
		want string
	}{
		{"no repository", Context{Event: "push"}, "OWNER/REPO"},
		{"owner only", Context{Repository: "octo-org", Event: "push"}, "OWNER/REPO"},
		{"no event", Context{Repository: "o/r"}, "event is required"},
		{"immutable without IDs", Context{Repository: "o/r", Event: "push", Immutable: true}, "IDs"},
		{"template with environment, job without", Context{Repository: "o/r", Event: "push", SubTemplate: []string{"repo", "environment"}}, "mandatory"},
		{"template with an unknown claim", Context{Repository: "o/r", Event: "push", SubTemplate: []string{"nope"}}, `"nope"`},
		{"bad reusable workflow", Context{Repository: "o/r", Event: "push", JobWorkflow: "o/r/deploy.yml"}, "reusable workflow"},
	}
	for _, tt := range tests {
		_, err := Build(tt.c)
		if !errors.Is(err, ErrContext) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want ErrContext mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestTimesFollowIssuedAt(t *testing.T) {
	at := time.Unix(1767225600, 0)
	sim, err := Build(Context{Repository: "o/r", Event: "push", At: at})
	if err != nil {
		t.Fatal(err)
	}
	if sim.Claims["iat"] != int64(1767225600) || sim.Claims["nbf"] != int64(1767225300) || sim.Claims["exp"] != int64(1767225900) {
		t.Errorf("times %v %v %v", sim.Claims["iat"], sim.Claims["nbf"], sim.Claims["exp"])
	}
}
