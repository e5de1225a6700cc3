package reach

import (
	"errors"
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
	p := legacyDeployMain(t)
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
		"pull_request_target": func(r string) bool { return r == "refs/heads/main" },
	}
	for file, pols := range samplePolicies(t) {
		for _, p := range pols {
			table, err := Of(p, base())
			var refused *UnevaluableError
			if err != nil && !errors.As(err, &refused) { // a refused sample has no rows
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

// legacyDeployMain is the sample role that pins sub to refs/heads/main.
func legacyDeployMain(t *testing.T) policy.Policy {
	t.Helper()
	for _, q := range samplePolicies(t)["policies/aws/list-roles.json"] {
		if strings.HasSuffix(q.Name(), "role/gha-legacy-deploy-main") {
			return q
		}
	}
	t.Fatal("gha-legacy-deploy-main not parsed")
	return nil
}
