package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestSameNamedPoliciesTellApart: two Google Cloud providers with the
// same name, loaded from two files, are told apart in the Policies list
// at 100 columns (the name is long: the source would be cut off after it)
// and in the title of who can assume each.
func TestSameNamedPoliciesTellApart(t *testing.T) {
	doc := repoFile(t, "fixtures/policies/gcp/octo-repo-main.json")
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"first-copy.json", "second-copy.json"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	s, failures := inspect.NewSession(demoOptions(t)).WithPolicyFiles(paths...)
	if len(failures) > 0 {
		t.Fatal(failures)
	}
	m, _ := newTestModel(t, s, demoToken(t), 100, 30)
	m = keys(t, m, "4")
	ps := m.policies()
	if len(ps) != 2 || ps[0].Name != ps[1].Name {
		t.Fatalf("want two policies of one name, got %+v", ps)
	}
	lines := strings.Split(m.View(), "\n")
	rows := lines[2:4]
	if rows[0] == rows[1] || !strings.Contains(rows[0]+rows[1], "first-copy.json") || !strings.Contains(rows[0]+rows[1], "second-copy.json") {
		t.Errorf("the two same-named policies' rows do not say which file each is from:\n%s\n%s", rows[0], rows[1])
	}
	for i, want := range []string{ps[0].Source, ps[1].Source} {
		o := keys(t, m, "g")
		if i == 1 {
			o = keys(t, o, "j")
		}
		o = keys(t, o, "w")
		if !o.reachOpen {
			t.Fatal("w did not open who can assume")
		}
		if !strings.Contains(o.View(), filepath.Base(want)) {
			t.Errorf("who can assume the policy from %s does not name its file:\n%s", filepath.Base(want), o.View())
		}
	}
}
