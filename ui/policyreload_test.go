package ui

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadPolicyAgainReplacesIt: p on a file already loaded replaces its
// policies (one row, counted once), and a file that is not a policy is
// neither listed nor counted: the status line says why.
func TestLoadPolicyAgainReplacesIt(t *testing.T) {
	load := func(m Model, path string) Model {
		t.Helper()
		m = keys(t, m, "p")
		m = typeText(t, m, path)
		return keys(t, m, "enter")
	}
	env := filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json")
	roles := filepath.Join("..", "fixtures", "policies", "aws", "list-roles.json")
	cases := []struct {
		name  string
		paths []string
		want  int    // policies listed after the loads
		flash string // the status line after the last
	}{
		{"one file", []string{env}, 1, "loaded "},
		{"the same file twice", []string{env, env}, 1, "loaded "},
		{"the same file three times", []string{env, env, env}, 1, "loaded "},
		{"a list of roles twice", []string{roles, roles}, 5, "loaded "},
		{"another file after", []string{env, roles}, 6, "loaded "},
		{"not a policy", []string{filepath.Join("..", "README.md")}, 0, "could not load "},
		{"not a policy after one", []string{env, filepath.Join("..", "README.md")}, 1, "could not load "},
		{"a missing file", []string{"no-such-policy.json"}, 0, "could not load no-such-policy.json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := plainDemo(t, 100, 30)
			for _, p := range c.paths {
				m = load(m, p)
			}
			if got := len(m.report.Policies); got != c.want {
				var rows []string
				for _, r := range m.report.Policies {
					rows = append(rows, string(r.Verdict)+" "+r.Source)
				}
				t.Errorf("after loading %v: %d policies, want %d:\n%s", c.paths, got, c.want, strings.Join(rows, "\n"))
			}
			if !strings.HasPrefix(m.flash, c.flash) {
				t.Errorf("status %q, want it to start %q", m.flash, c.flash)
			}
		})
	}
}
