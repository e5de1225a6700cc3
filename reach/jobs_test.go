package reach

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// The legacy deploy-main role pins sub to refs/heads/main. Only events
// whose jobs can run on that branch get in: a release job runs on its tag
// and a merge-queue job on its gh-readonly-queue branch, so neither does.
func TestReachLetsInOnlyJobsThatRunOnTheRef(t *testing.T) {
	var p policy.Policy
	for _, q := range samplePolicies(t)["policies/aws/list-roles.json"] {
		if strings.HasSuffix(q.Name(), "role/gha-legacy-deploy-main") {
			p = q
		}
	}
	if p == nil {
		t.Fatal("gha-legacy-deploy-main not parsed")
	}
	table, err := Of(p, base())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range table.Allowed() {
		got = append(got, r.Event+" "+r.Ref)
	}
	want := []string{"push refs/heads/main", "workflow_dispatch refs/heads/main", "schedule refs/heads/main"}
	if !slices.Equal(got, want) {
		t.Errorf("lets in %q, want %q", got, want)
	}
}

// No row of any sample's table is a job GitHub cannot run: each event's
// job has the ref GitHub documents for it (the default branch taken to be
// main, as simulate assumes).
func TestRowsHaveTheRefTheirEventRunsOn(t *testing.T) {
	runsOn := map[string]func(ref string) bool{
		"release":             func(r string) bool { return strings.HasPrefix(r, "refs/tags/") },
		"merge_group":         func(r string) bool { return strings.HasPrefix(r, "refs/heads/gh-readonly-queue/") },
		"schedule":            func(r string) bool { return r == "refs/heads/main" },
		"pull_request":        func(r string) bool { return strings.HasPrefix(r, "refs/pull/") },
		"pull_request_target": func(r string) bool { return strings.HasPrefix(r, "refs/heads/") },
	}
	for file, pols := range samplePolicies(t) {
		for _, p := range pols {
			table, err := Of(p, base())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range table.Rows {
				if ok := runsOn[r.Event]; ok != nil && !ok(r.Ref) {
					t.Errorf("%s %s: a row for %s on %s, a ref its jobs never have", path.Base(file), p.Name(), r.Event, r.Ref)
				}
			}
		}
	}
}

// JobRef, event by event: the ref a job gets, or none it can run on.
func TestJobRef(t *testing.T) {
	queue := "refs/heads/gh-readonly-queue/main/pr-1-" + queueSHA
	tests := []struct {
		event, ref, want string
		ok               bool
	}{
		{"push", "refs/heads/feature", "refs/heads/feature", true},
		{"push", "refs/tags/v1.0.0", "refs/tags/v1.0.0", true},
		{"workflow_dispatch", "refs/tags/v1.0.0", "refs/tags/v1.0.0", true},
		{"pull_request", "refs/heads/feature", "refs/heads/feature", true},
		{"pull_request", "refs/tags/v1.0.0", "", false},
		{"pull_request_target", "refs/tags/v1.0.0", "", false},
		{"release", "refs/tags/v1.0.0", "refs/tags/v1.0.0", true},
		{"release", "refs/heads/main", "", false},
		{"merge_group", "refs/heads/main", queue, true},
		{"merge_group", queue, queue, true},
		{"merge_group", "refs/tags/v1.0.0", "", false},
		{"schedule", "refs/heads/main", "refs/heads/main", true},
		{"schedule", "refs/heads/feature", "", false},
		{"schedule", "refs/tags/v1.0.0", "", false},
		{"workflow_run", "refs/heads/feature", "", false},
		{"deployment", "refs/heads/feature", "refs/heads/feature", true},
	}
	for _, tt := range tests {
		got, ok := JobRef(tt.event, tt.ref, "refs/heads/main")
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("JobRef(%s, %s) = %q, %v; want %q, %v", tt.event, tt.ref, got, ok, tt.want, tt.ok)
		}
	}
}
