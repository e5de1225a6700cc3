package policy

import (
	"strings"
	"testing"
)

func TestSortResultsPutsAllowThenDenyThenErrorKeepingLoadOrder(t *testing.T) {
	in := []Result{{Name: "e1", Verdict: Error}, {Name: "d1", Verdict: Deny}, {Name: "a1", Verdict: Allow},
		{Name: "d2", Verdict: Deny}, {Name: "a2", Verdict: Allow}, {Name: "e2", Verdict: Error}}
	got := SortResults(in)
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	if want := "a1 a2 d1 d2 e1 e2"; strings.Join(names, " ") != want {
		t.Fatalf("SortResults = %s, want %s", strings.Join(names, " "), want)
	}
	if in[0].Name != "e1" {
		t.Error("SortResults reordered its argument")
	}
}
