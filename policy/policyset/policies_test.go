package policyset

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestPoliciesAreTheParsedOnesInLoadOrder(t *testing.T) {
	l := Loader{Providers: []policy.Provider{fake{"p-a", "A"}, fake{"p-b", "B"}}}
	set := l.Load([]string{"-"}, nil, strings.NewReader("A\ndeny\nallow\n"))
	set.Add(l.Providers, "b", []byte("B\nerror\n"))
	set.Add(l.Providers, "c", []byte("nothing"))
	var got []string
	for _, p := range set.Policies() {
		got = append(got, p.Name())
	}
	if want := "(stdin):deny (stdin):allow b:error"; strings.Join(got, " ") != want {
		t.Fatalf("Policies() = %s, want %s", strings.Join(got, " "), want)
	}
	set.Policies()[0] = nil
	if set.Policies()[0] == nil {
		t.Error("Policies() hands out the set's own slice")
	}
	if (*Set)(nil).Policies() != nil {
		t.Error("a nil set has policies")
	}
}

func TestFromPoliciesEvaluatesExactlyThose(t *testing.T) {
	pols := []policy.Policy{fakePolicy{"p-a", "one", "deny"}, fakePolicy{"p-b", "two", "allow"}}
	set := FromPolicies(pols...)
	pols[0] = fakePolicy{"p-a", "changed", "error"}
	if set.Len() != 2 || set.Failed() {
		t.Fatalf("Len %d, Failed %v", set.Len(), set.Failed())
	}
	var got []string
	for _, r := range set.Evaluate(policy.NewToken(decodeObj(t))) {
		got = append(got, r.Name+"="+string(r.Verdict))
	}
	if want := "one:deny=deny two:allow=allow"; strings.Join(got, " ") != want {
		t.Fatalf("results %s, want %s", strings.Join(got, " "), want)
	}
	if FromPolicies().Len() != 0 {
		t.Error("an empty set has entries")
	}
}
