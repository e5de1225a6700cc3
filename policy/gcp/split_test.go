package gcp

import (
	"slices"
	"testing"
)

func TestSplitAnd(t *testing.T) {
	cases := map[string][]string{
		"a == 'x'":                       {"a == 'x'"},
		"a == 'x' && b == 'y'":           {"a == 'x'", "b == 'y'"},
		"a == 'x&&y' && b":               {"a == 'x&&y'", "b"},
		`a == "q\"&&" && b`:              {`a == "q\"&&"`, "b"},
		"a == '''x && y''' && b":         {"a == '''x && y'''", "b"},
		`a == r'\' && b`:                 {`a == r'\'`, "b"},
		"f(a && b) && c":                 {"f(a && b)", "c"},
		"[a && b][0] && {1: c && d}[1]":  {"[a && b][0]", "{1: c && d}[1]"},
		"(a && b) && c":                  {"a", "b", "c"},
		"(a || b) && c":                  {"(a || b)", "c"},
		"(a) && (b)":                     {"(a)", "(b)"},
		"(a) || (b)":                     {"(a) || (b)"},
		"a // x && y\n && b":             {"a // x && y", "b"},
		"a &&\n  b &&\n  c":              {"a", "b", "c"},
		"bar'x' && b":                    {"bar'x'", "b"},
		"assertion.sub == 'it\\'s' && b": {"assertion.sub == 'it\\'s'", "b"},
		"a == 'unterminated && b":        {"a == 'unterminated && b"},
	}
	for in, want := range cases {
		if got := splitAnd(in); !slices.Equal(got, want) {
			t.Errorf("splitAnd(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTermsMatchTheAST: the text split is used only when it agrees with
// the parsed expression; otherwise the terms are printed from the AST.
func TestTermsMatchTheAST(t *testing.T) {
	env, err := sharedEnv()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"assertion.a == 'x' && assertion.b == 'y'":                         {"assertion.a == 'x'", "assertion.b == 'y'"},
		"assertion.a == 'x' || assertion.b == 'y' && assertion.c == 'z'":   nil, // top level is ||: no terms
		"assertion.a == 'x' && (assertion.b == 'y' || assertion.c == 'z')": {"assertion.a == 'x'", "(assertion.b == 'y' || assertion.c == 'z')"},
		"assertion.a ? assertion.b && assertion.c : false":                 nil,
	}
	for src, want := range cases {
		c := compileCEL(env, src, "attributeCondition", true)
		if c.err != "" {
			t.Fatalf("%s: %s", src, c.err)
		}
		var got []string
		for _, tm := range c.terms {
			got = append(got, tm.Text)
			if tm.Prg == nil {
				t.Errorf("%s: term %q not compiled", src, tm.Text)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("terms of %q = %q, want %q", src, got, want)
		}
	}
}
