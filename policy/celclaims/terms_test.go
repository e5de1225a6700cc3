package celclaims

import (
	"fmt"
	"slices"
	"testing"

	"cel.dev/cel-go/cel"
)

func TestAndTerms(t *testing.T) {
	env := testEnv(t)
	a, e := checked(t, env, "claims.a == '1' && (claims.b == '2' && claims.c == '3') && (claims.d == '4' || claims.e == '5')")
	var got []string
	for _, term := range AndTerms(e) {
		s, err := cel.ExprToString(term, a.NativeRep().SourceInfo())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	want := []string{`claims.a == "1"`, `claims.b == "2"`, `claims.c == "3"`, `claims.d == "4" || claims.e == "5"`}
	if !slices.Equal(got, want) {
		t.Errorf("AndTerms = %q, want %q", got, want)
	}
	if AndTerms(nil) != nil {
		t.Error("AndTerms(nil) is not nil")
	}
}

func TestExpected(t *testing.T) {
	env := testEnv(t)
	cases := map[string][]string{
		"claims.ref == 'refs/heads/main'": {"refs/heads/main"},
		"'prod' == claims.environment":    {"prod"},
		"claims.run_attempt == 2":         {"2"},
		"claims.flag == true":             {"true"},
		"claims.ref != 'x'":               {"true"},
		"other.ref == 'x'":                {"true"}, // not one of the roots
		"claims.ref.startsWith('refs/')":  {"true"},
	}
	for src, want := range cases {
		_, e := checked(t, env, src)
		if got := Expected(e, nil, "claims"); !slices.Equal(got, want) {
			t.Errorf("Expected(%s) = %q, want %q", src, got, want)
		}
	}
	_, e := checked(t, env, "claims.a == '1' && claims.b == '2'")
	terms := []Term{{Text: "claims.a == '1'"}, {Text: "claims.b == '2'"}}
	if got := Expected(e, terms, "claims"); !slices.Equal(got, []string{"claims.a == '1'", "claims.b == '2'"}) {
		t.Errorf("with terms: %q", got)
	}
	if got := Expected(nil, terms, "claims"); got != nil {
		t.Errorf("uncompiled: %q", got)
	}
}

// TestUntrue: every planned term that is not true is reported once, in
// order, with its failure (nil when false); true terms and terms with no
// program are not; a term the bounds stop is not explained.
func TestUntrue(t *testing.T) {
	rt := testRuntime(t)
	terms := []Term{
		{Text: "true", Prg: compile(t, rt, "claims.n == 3")},
		{Text: "false", Prg: compile(t, rt, "claims.n == 4")},
		{Text: "no program"},
		{Text: "fails", Prg: compile(t, rt, "claims.missing == 'x'")},
	}
	var got []string
	var m Meter
	defer m.Close()
	m.Untrue(terms, guardVars, func(t Term, err error) {
		if err != nil {
			got = append(got, TermFailure(t.Text, err))
			return
		}
		got = append(got, t.Text+" is false")
	})
	want := []string{"false is false", "fails fails: no such key: missing"}
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
	stopped := TermFailure("term `x`", fmt.Errorf("%w: too long", ErrCostLimit))
	if want := "term `x` is not explained: " + ErrCostLimit.Error() + ": too long"; stopped != want {
		t.Errorf("%q, want %q", stopped, want)
	}
}
