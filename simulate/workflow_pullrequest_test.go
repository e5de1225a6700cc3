package simulate

import (
	"testing"
)

// A pull request event's branches filter names the branches the pull
// request targets (GitHub: on.pull_request.branches filters on the base
// branch), not its head: each trigger targets a branch of the filter, or
// the default branch, from a head branch of its own.
func TestFromWorkflowPullRequestTargets(t *testing.T) {
	const file = `
on:
  push:
    branches: [main]
  pull_request:
    branches: [release]
  pull_request_target:
jobs:
  test:
    runs-on: ubuntu-latest
`
	trs, err := FromWorkflow(".github/workflows/ci.yml", []byte(file), "", Context{Repository: "o/r"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]string{ // trigger: ref, base_ref, head_ref, its name
		"push":                {"refs/heads/main", "", "", "push refs/heads/main"},
		"pull_request":        {"refs/pull/1/merge", "release", "feature", "pull_request into refs/heads/release"},
		"pull_request_target": {"refs/heads/main", "main", "feature", "pull_request_target into refs/heads/main"},
	}
	if len(trs) != len(want) {
		t.Fatalf("%d triggers, want %d", len(trs), len(want))
	}
	for _, tr := range trs {
		sim, err := Build(tr.Context)
		if err != nil {
			t.Fatal(err)
		}
		got := [4]string{sim.Claims["ref"].(string), sim.Claims["base_ref"].(string), sim.Claims["head_ref"].(string), tr.Name()}
		if got != want[tr.Context.Event] {
			t.Errorf("%s: ref, base_ref, head_ref, name = %q, want %q", tr.Context.Event, got, want[tr.Context.Event])
		}
	}
}

// A same-repository reusable workflow runs at the run's ref: the merge
// ref of a pull_request, the base branch of a pull_request_target (as
// workflow_ref does).
func TestFromWorkflowPullRequestReusableAtTheRunsRef(t *testing.T) {
	const file = "on: [pull_request, pull_request_target, push]\njobs:\n  call:\n    uses: ./.github/workflows/oidc.yml\n"
	trs, err := FromWorkflow(".github/workflows/ci.yml", []byte(file), "", Context{Repository: "o/r"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range trs {
		sim, err := Build(tr.Context)
		if err != nil {
			t.Fatal(err)
		}
		want := "o/r/.github/workflows/oidc.yml@" + sim.Claims["ref"].(string)
		if sim.Claims["job_workflow_ref"] != want {
			t.Errorf("%s: job_workflow_ref %v, want %s", tr.Context.Event, sim.Claims["job_workflow_ref"], want)
		}
	}
}
