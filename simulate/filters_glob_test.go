package simulate

import "testing"

// TestGlobMatch: GitHub's filter pattern syntax ("Filter pattern cheat
// sheet"): * any run but /, ** any run, ? and + the preceding character
// at most once and at least once, [ ] a class, and \ escaping a special
// character. A name outside ASCII is matched character by character, as
// any other.
func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"main", "main", true},
		{"feature/*", "feature/x", true},
		{"feature/*", "feature/x/y", false},
		{"feature/**", "feature/x/y", true},
		{"v1.?", "v1.", true},
		{"v1+", "v111", true},
		{"[0-9]*", "9z", true},
		// Non-ASCII names.
		{"déploiement", "déploiement", true},
		{"ü", "ü", true},
		{"fé*", "féature", true},
		{"fé*", "feature", false},
		{"é?x", "x", true},
		{"é+", "ééé", true},
		// Escapes: the character itself, not its meaning.
		{`releases/\*`, "releases/*", true},
		{`releases/\*`, "releases/x", false},
		{`releases/\*`, `releases/\x`, false},
		{`v1\?`, "v1?", true},
		{`v1\?`, "v1", false},
		{`a\+b`, "a+b", true},
		{`a\+b`, "aab", false},
		{`\[x\]`, "[x]", true},
		{`\!x`, "!x", true},
		{`a\\b`, `a\b`, true},
	}
	for _, tt := range tests {
		if got := globMatch(tt.pattern, tt.name); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

// TestFromWorkflowNonASCIIBranch: a workflow filtering a branch whose
// name is not ASCII runs on it (it was "no trigger that runs job j").
func TestFromWorkflowNonASCIIBranch(t *testing.T) {
	file := "on:\n  push: {branches: [déploiement, 'release\\*']}\njobs:\n  j:\n    runs-on: ubuntu-latest\n"
	trs, err := FromWorkflow(".github/workflows/w.yml", []byte(file), "", Context{Repository: "o/r"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tr := range trs {
		got = append(got, tr.Context.Ref)
	}
	want := []string{"refs/heads/déploiement", "refs/heads/release*"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("refs %q, want %q", got, want)
	}
}
