package simulate

import (
	"slices"
	"strings"
	"testing"
)

// The workflow claim is the workflow's name: the file's name: when it
// has one, else its path (GitHub's github.workflow rule). Either way the
// file gives it, so it is not listed as made up; without a file it is.
func TestWorkflowClaimIsTheWorkflowsName(t *testing.T) {
	tests := []struct {
		name, file  string
		want        string
		placeholder bool
		note        string // a note that must be there ("" for none about the name)
	}{
		{"name: given", "name: Deploy\non: push\njobs: {deploy: {runs-on: x}}\n", "Deploy", false, ""},
		{"name: with spaces", "name: \"Deploy to prod\"\non: push\njobs: {deploy: {runs-on: x}}\n", "Deploy to prod", false, ""},
		{"no name: the path", "on: push\njobs: {deploy: {runs-on: x}}\n", ".github/workflows/deploy.yml", false, "sets no name:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trs, err := FromWorkflow("deploy.yml", []byte(tt.file), "", Context{Repository: "octo-org/octo-repo"})
			if err != nil {
				t.Fatal(err)
			}
			sim, err := Build(trs[0].Context)
			if err != nil {
				t.Fatal(err)
			}
			if got := sim.Claims["workflow"]; got != tt.want {
				t.Errorf("workflow %q, want %q", got, tt.want)
			}
			if got := slices.Contains(sim.Placeholders, "workflow"); got != tt.placeholder {
				t.Errorf("workflow listed as made up: %v, want %v (%q)", got, tt.placeholder, sim.Placeholders)
			}
			notes := strings.Join(append(sim.Notes, trs[0].Notes...), "\n")
			if tt.note != "" && !strings.Contains(notes, tt.note) {
				t.Errorf("notes %q lack %q", notes, tt.note)
			}
		})
	}
	// Without a workflow file nothing says the name: it is made up.
	sim, err := Build(Context{Repository: "octo-org/octo-repo", Event: "push"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(sim.Placeholders, "workflow") {
		t.Errorf("workflow not listed as made up without a file: %q", sim.Placeholders)
	}
}
