package regexlang

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

func parse(t *testing.T, pattern string) *syntax.Regexp {
	t.Helper()
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		t.Fatalf("%s: %v", pattern, err)
	}
	return re
}

// Finite lists an alternation of environment names (the patterns of
// reach's alternation tests) and fails on anything with a repetition or
// more strings than the bound.
func TestFinite(t *testing.T) {
	tests := []struct {
		pattern string
		limit   int
		want    []string // nil: not ok
	}{
		{`prod|staging`, 16, []string{"prod", "staging"}},
		{`(?:prod|staging-eu)`, 16, []string{"prod", "staging-eu"}},
		{`deploy-(eu|us)`, 16, []string{"deploy-eu", "deploy-us"}},
		{`((?:prod|staging))`, 16, []string{"prod", "staging"}},
		{`(prod|stag(ing|e))`, 16, []string{"prod", "staging", "stage"}},
		{`^(?:prod|staging)$`, 16, []string{"prod", "staging"}},
		{`a|b|c`, 16, []string{"a", "b", "c"}}, // the parser's [a-c]
		{`[a-p]`, 16, []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"}},
		{`[a-q]`, 16, nil},
		{`(a|b)(c|d)`, 4, []string{"ac", "ad", "bc", "bd"}},
		{`(a|b)(c|d)`, 3, nil},
		{`prod-[a-z]+|staging`, 16, nil},
		{`prod.*`, 16, nil},
		{`prod?`, 16, nil},
		{`a{2}`, 16, nil},
		{`\bprod`, 16, nil},
		{`prod|`, 16, []string{"prod", ""}},
	}
	for _, tt := range tests {
		got, ok := Finite(parse(t, tt.pattern), tt.limit)
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("Finite(%q, %d) = %q, %v; want %q", tt.pattern, tt.limit, got, ok, tt.want)
		}
	}
}

// Witnesses reads through repetition (the patterns of octo-sts's rewrite
// checks), in the order the pattern is written, and fails past the bound.
func TestWitnesses(t *testing.T) {
	four := `(?:a|b|c|d)`
	tests := []struct {
		pattern string
		want    []string // nil: not ok
	}{
		{`a:(?:b|c/d)`, []string{"a:b", "a:c/d"}},
		{`r:refs/(?:heads/main|tags/v.*)`, []string{"r:refs/heads/main", "r:refs/tags/v", "r:refs/tags/vx"}},
		{`a:(?:b|c.*)`, []string{"a:b", "a:c", "a:cx"}},
		{`ab?`, []string{"a", "ab"}},
		{`a+`, []string{"a"}},
		{`(?:ab){2,5}`, []string{"abab"}},
		{`x{0,3}`, []string{""}},
		{`[a-z0-9]`, []string{"0", "9", "a", "z"}},
		{`[abc]`, []string{"a", "b", "c"}},
		{`^a\b$`, []string{"a"}},
		{strings.Repeat(four, 5), nil},
		{`(?:` + strings.Repeat(four, 4) + `)?`, nil},
	}
	for _, tt := range tests {
		got, ok := Witnesses(parse(t, tt.pattern), 256)
		if ok != (tt.want != nil) || ok && !slices.Equal(got, tt.want) {
			t.Errorf("Witnesses(%q) = %q, %v; want %q", tt.pattern, got, ok, tt.want)
		}
	}
	// At the bound, not past it: 4^4 values.
	if got, ok := Witnesses(parse(t, strings.Repeat(four, 4)), 256); !ok || len(got) != 256 {
		t.Errorf("Witnesses of 256 values = %d, %v", len(got), ok)
	}
}

// Product keeps the order of its operands and refuses past the bound.
func TestProduct(t *testing.T) {
	if got, ok := Product([]string{"a", "b"}, []string{"1", "2"}, 4); !ok || !slices.Equal(got, []string{"a1", "a2", "b1", "b2"}) {
		t.Errorf("Product = %q, %v", got, ok)
	}
	if _, ok := Product([]string{"a", "b"}, []string{"1", "2"}, 3); ok {
		t.Error("Product past the bound is ok")
	}
}
