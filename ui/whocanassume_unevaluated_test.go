package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/reach"
)

// TestWhoCanAssumeUnevaluatedRows: the jobs the provider could not
// evaluate the policy for are neither let in nor kept out: they get a
// group of their own, counted apart as the reach command counts them,
// with each reason once.
func TestWhoCanAssumeUnevaluatedRows(t *testing.T) {
	m, _ := demoModel(t, 120, 35)
	m = keys(t, m, "4", "w")
	if !m.reachOpen || m.reach.pending {
		t.Fatalf("w: open %v, pending %v", m.reachOpen, m.reach.pending)
	}
	m.reach.table = reach.Table{Policy: "partial", Rows: []reach.Row{
		{Event: "push", Ref: "refs/heads/main", Environment: "prod", Subject: "legacy", Verdict: policy.Allow},
		{Event: "push", Ref: "refs/heads/main", Subject: "legacy", Verdict: policy.Error, Error: "no such key: environment"},
		{Event: "schedule", Ref: "refs/heads/main", Subject: "legacy", Verdict: policy.Error, Error: "no such key: environment"},
		{Event: "push", Ref: "refs/heads/main", Environment: "other", Subject: "legacy", Verdict: policy.Deny},
	}}
	text := m.paneContent(m.vp.Width)
	for _, want := range []string{
		"lets in 1 of 4 simulated jobs of octo-org/octo-repo; 2 could not be evaluated",
		"Keeps out (1)",
		"Could not be evaluated (2)",
		"2 jobs could not be evaluated: no such key: environment",
	} {
		contains(t, text, want)
	}
	keepsOut := text[strings.Index(text, "Keeps out"):]
	if i := strings.Index(keepsOut, "Could not be evaluated"); i >= 0 && strings.Contains(keepsOut[:i], "schedule") {
		t.Errorf("an unevaluated row listed under Keeps out:\n%s", keepsOut)
	}
}
