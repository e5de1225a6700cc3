package policytest

import (
	"os/exec"
	"strings"
	"testing"
)

// withTempDir is a recorder that makes its temporary folders in the real
// test's, where shelltest runs bash.
type withTempDir struct {
	testing.TB
	real *testing.T
}

func (w withTempDir) TempDir() string { return w.real.TempDir() }

func TestCheckCommandsRun(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not found:", err)
	}
	notes := []string{"create it: `tool make 'a b' <NAME>`"}
	fill := func(s string) string { return strings.ReplaceAll(s, "<NAME>", "NAME") }
	tests := []struct {
		name    string
		notes   []string
		mention string
		want    [][]string
		fails   string // "" when the check holds
	}{
		{"runs as printed", notes, "create it", [][]string{{"make", "a b", "NAME"}}, ""},
		{"other arguments", notes, "create it", [][]string{{"make", "a", "b", "NAME"}}, "ran tool with"},
		{"printed, want none", notes, "create it", nil, "want 0"},
		{"none printed, as wanted", []string{"create it with tool make"}, "tool make", nil, ""},
		{"no mention", notes, "delete it", [][]string{{"make", "a b", "NAME"}}, `no line says "delete it"`},
	}
	for _, tt := range tests {
		msg := failure(func(tb testing.TB) {
			CheckCommandsRun(withTempDir{tb, t}, tt.notes, "tool", fill, tt.mention, tt.want...)
		})
		if tt.fails == "" && msg != "" || !strings.Contains(msg, tt.fails) {
			t.Errorf("%s: failed with %q, want %q", tt.name, msg, tt.fails)
		}
	}
}
