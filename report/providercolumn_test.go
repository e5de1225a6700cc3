package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report"
)

// TestPolicyNamesLineUp: in the text report's list of policies, the names
// start in one column whatever the providers' names (crates.io is wider
// than the eight columns the others fit in).
func TestPolicyNamesLineUp(t *testing.T) {
	r := fixedRun(t, inspect.Options{Input: policytest.StaticJWT(t, "push-main"), Keys: policytest.DemoKeySet(t)})
	for _, prov := range []string{policy.AWS, "crates.io", policy.K8s} {
		r.Policies = append(r.Policies, policy.Result{Provider: prov, Name: "NAME-" + prov, Source: "p", Verdict: policy.Allow, Conditions: []policy.Condition{}})
	}
	var text bytes.Buffer
	if err := report.Text(&text, r, asciiRenderer(&text)); err != nil {
		t.Fatal(err)
	}
	column := -1
	for _, l := range strings.Split(text.String(), "\n") {
		i := strings.Index(l, "NAME-")
		if i < 0 {
			continue
		}
		if column >= 0 && i != column {
			t.Errorf("a policy's name starts at column %d, another's at %d:\n%s", i, column, text.String())
		}
		column = i
	}
	if column < 0 {
		t.Fatalf("no policy listed:\n%s", text.String())
	}
}
