package policytest

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestVerdictRows(t *testing.T) {
	readme := []byte("intro | not a row\n" +
		"| file | allows | denies | why |\n|---|---|---|---|\n" +
		"| `a.json` | push-main, enterprise | — | a \\| b |\n" +
		"| `b.yaml#2` |  | other-repo | error, not deny: refused |\n" +
		"| `short` | x |\n")
	rows := TableRows(readme)
	if len(rows) != 3 || rows[0][3] != "a | b" {
		t.Fatalf("TableRows: %q", rows)
	}
	got := VerdictRows(readme)
	want := []VerdictRow{
		{Spec: "a.json", Allows: []string{"push-main", "enterprise"}, Deny: policy.Deny},
		{Spec: "b.yaml#2", Denies: []string{"other-repo"}, Deny: policy.Error},
	}
	if !slices.EqualFunc(got, want, func(a, b VerdictRow) bool {
		return a.Spec == b.Spec && slices.Equal(a.Allows, b.Allows) && slices.Equal(a.Denies, b.Denies) && a.Deny == b.Deny
	}) {
		t.Errorf("VerdictRows: %+v, want %+v", got, want)
	}
}
