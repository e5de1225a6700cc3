package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadedPolicyIsSelected: after p, the Policies cursor is on the
// policy just loaded, wherever the sort put it, not on whatever row the
// cursor's number now holds (enter, d or Y would act on a policy the user
// never chose).
func TestLoadedPolicyIsSelected(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The environment-form sub as the demo's push-main token has it in ref
	// form: a copy fixed to let the token in sorts among the allowed.
	fixed := filepath.Join(t.TempDir(), "fixed.json")
	if err := os.WriteFile(fixed, []byte(strings.ReplaceAll(string(b), "environment:prod", "ref:refs/heads/main")), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _ := demoModel(t, 100, 30)
	m = keys(t, m, "4", "G") // the last row: the loaded policy sorts above it
	m = keys(t, m, "p")
	m = typeText(t, m, fixed)
	m = keys(t, m, "enter")
	ps := m.policies()
	if m.policySel >= len(ps) || ps[m.policySel].Source != fixed {
		var at string
		if m.policySel < len(ps) {
			at = ps[m.policySel].Source
		}
		t.Errorf("after loading %s the cursor is on %q (row %d)", fixed, at, m.policySel)
	}
}
