package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// plainPattern is a condition value read as StringLike reads it, without
// variables: every * and ? a wildcard.
func plainPattern(raw string) likePattern {
	v := parseValue(raw, true, false)
	return v.pattern()
}

// maskedPattern is the same pattern built piece by piece, with a mask of
// its wildcards, as substitution builds patterns.
func maskedPattern(raw string) likePattern {
	var b likeBuilder
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '*':
			b.add(partStar, "")
		case '?':
			b.add(partOne, "")
		default:
			b.add(partText, raw[i:i+1])
		}
	}
	return b.pattern()
}

// FuzzLikeMatchAgreesWithMatchWildcard: on a pattern with no escape the
// StringLike matcher answers as policy.MatchWildcard, whose tests hold the
// reference for AWS's wildcards.
func FuzzLikeMatchAgreesWithMatchWildcard(f *testing.F) {
	for _, s := range [][2]string{{"repo:o/*", "repo:o/r:ref:x"}, {"a?c", "aéc"}, {"*a*a*", "aaa"}, {"launch??", "launch🚀"}, {"\xff?", "\xff\xfe"}, {"*", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if len(pattern)*len(s) > 1<<16 {
			return
		}
		want := policy.MatchWildcard(pattern, s)
		if got := plainPattern(pattern).match(s); got != want {
			t.Errorf("match(%q, %q) = %v, policy.MatchWildcard says %v", pattern, s, got, want)
		}
		if got := maskedPattern(pattern).match(s); got != want {
			t.Errorf("match(%q, %q) with a wildcard mask = %v, policy.MatchWildcard says %v", pattern, s, got, want)
		}
	})
}

// FuzzLiteralValueRoundTrip: a value written with literalValue reads back
// as exactly that text, under StringLike and under StringEquals.
func FuzzLiteralValueRoundTrip(f *testing.F) {
	for _, s := range []string{"repo:octo*org/re${x}po", "${?}", "a$", "${", "}${$}", "?*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		like := parseValue(literalValue(s, true), true, true)
		if like.hasVar {
			t.Fatalf("literalValue(%q, true) = %q holds a variable", s, literalValue(s, true))
		}
		p := like.pattern()
		wild := false
		for i := range len(p.text) {
			wild = wild || p.isWild(i)
		}
		if p.text != s || wild || !p.match(s) {
			t.Errorf("literalValue(%q, true) = %q reads back as %q", s, literalValue(s, true), p.display())
		}
		eq := parseValue(literalValue(s, false), false, true)
		if text := eq.pattern().text; eq.hasVar || text != s {
			t.Errorf("literalValue(%q, false) = %q reads back as %q", s, literalValue(s, false), text)
		}
	})
}

// TestLikePatternPieces: the helpers that diagnoses use.
func TestLikePatternPieces(t *testing.T) {
	v := parseValue("Repo:${*}/${?}*x?", true, true)
	p := v.pattern()
	if got := p.display(); got != "Repo:${*}/${?}*x?" {
		t.Errorf("display = %q", got)
	}
	if got := p.prefix(); got != "Repo:*/?" {
		t.Errorf("prefix = %q, want the literal text before the first wildcard", got)
	}
	if !p.hasStar() || plainPattern("a?b").hasStar() {
		t.Error("hasStar should see the wildcard * and only it")
	}
	low := p.lower()
	if low.display() != "repo:${*}/${?}*x?" || !low.match("repo:*/?zzzxy") || low.match("repo:a/?zzzxy") {
		t.Errorf("lower = %q keeps which characters are wildcards wrong", low.display())
	}
	if !v.escaped || !v.bareWild || v.hasVar {
		t.Errorf("parseValue flags: escaped %v bareWild %v hasVar %v", v.escaped, v.bareWild, v.hasVar)
	}
}
