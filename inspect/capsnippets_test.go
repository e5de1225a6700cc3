package inspect

import (
	"fmt"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestCapSnippets: past maxSnippets for one claim, a provider's snippets
// are cut and the last kept says how many more there were, whether the
// list is short (compared pairwise) or long (counted in a map); at or
// under it, the list is returned as it is.
func TestCapSnippets(t *testing.T) {
	list := func(claims ...string) []policy.Snippet {
		var out []policy.Snippet
		for i, c := range claims {
			out = append(out, policy.Snippet{Claim: c, Text: fmt.Sprint(i)})
		}
		return out
	}
	repeat := func(claim string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = claim
		}
		return out
	}
	under := list("a", "b", "a", "a", "c", "a", "b")
	if got := capSnippets(under); &got[0] != &under[0] || len(got) != len(under) {
		t.Error("a list with no claim over the limit was copied or cut")
	}
	for _, n := range []int{5, 70} {
		in := list(append(append([]string{"x"}, repeat("a", n)...), "y")...)
		got := capSnippets(in)
		if len(got) != maxSnippets+2 {
			t.Fatalf("%d snippets of a: %d kept, want %d", n, len(got), maxSnippets+2)
		}
		if want := fmt.Sprintf("(%d more like these not shown)", n-maxSnippets); got[maxSnippets].Note != want {
			t.Errorf("%d snippets of a: the last kept says %q, want %q", n, got[maxSnippets].Note, want)
		}
		if got[0].Claim != "x" || got[len(got)-1].Claim != "y" {
			t.Errorf("%d snippets of a: the others were not kept in order: %+v", n, got)
		}
	}
	many := list(append(repeat("a", 4), repeat("b", 66)...)...) // long, and only b over
	if !overSnippets(many) || overSnippets(many[:70-62]) {
		t.Error("overSnippets miscounts")
	}
}
