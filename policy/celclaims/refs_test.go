package celclaims

import (
	"slices"
	"testing"
)

func TestRefsRead(t *testing.T) {
	env := testEnv(t)
	cases := []struct {
		src   string
		roots []string
		want  []Ref
	}{
		{"assertion.a == 'x' && google.subject != '' && attribute.b == assertion.a", []string{"assertion", "google", "attribute"},
			[]Ref{{"assertion", "a"}, {"google", "subject"}, {"attribute", "b"}}},
		{"has(claims.env) ? claims['env'] : claims.?ref.orValue(claims[?'x'].orValue(''))", []string{"claims"},
			[]Ref{{"claims", "env"}, {"claims", "ref"}, {"claims", "x"}}},
		// Only the roots asked for; an index that is not a literal names no claim.
		{"other.a == claims.b && claims[other.k] == ''", []string{"claims"}, []Ref{{"claims", "b"}}},
		// Nested reads name the top-level entry; every kind of node is walked.
		{"claims.a.b.c > 0", []string{"claims"}, []Ref{{"claims", "a"}}},
		{"[claims.l1, {'k': claims.m1}].exists(x, x == claims.c1) && claims.t.startsWith(claims.arg)", []string{"claims"},
			[]Ref{{"claims", "l1"}, {"claims", "m1"}, {"claims", "c1"}, {"claims", "t"}, {"claims", "arg"}}},
		{"true", []string{"claims"}, nil},
	}
	for _, c := range cases {
		_, e := checked(t, env, c.src)
		if got := RefsRead(e, c.roots...); !slices.Equal(got, c.want) {
			t.Errorf("RefsRead(%s) = %v, want %v", c.src, got, c.want)
		}
	}
	if got := RefsRead(nil, "claims"); got != nil {
		t.Errorf("RefsRead(nil) = %v", got)
	}
}

// TestRefOf: a value read, not a presence test or an optional read.
func TestRefOf(t *testing.T) {
	env := testEnv(t)
	for src, want := range map[string]bool{
		"claims.sub":        true,
		"claims['sub']":     true,
		"has(claims.sub)":   false,
		"claims.?sub":       false,
		"other.sub":         false,
		"claims.sub.x":      false, // reads sub, but is not itself claims.<key>
		"claims[other.key]": false,
	} {
		_, e := checked(t, env, src)
		r, ok := RefOf(e, "claims")
		if ok != want || ok && r != (Ref{"claims", "sub"}) {
			t.Errorf("RefOf(%s) = %v %v, want %v", src, r, ok, want)
		}
	}
}

func TestHasRef(t *testing.T) {
	env := testEnv(t)
	_, e := checked(t, env, "has(assertion.environment)")
	if r, ok := HasRef(e, "assertion"); !ok || r.String() != "assertion.environment" {
		t.Errorf("HasRef = %v %v", r, ok)
	}
	if _, ok := HasRef(e, "claims"); ok {
		t.Error("HasRef matched a root not asked for")
	}
	_, e = checked(t, env, "assertion.environment")
	if _, ok := HasRef(e, "assertion"); ok {
		t.Error("HasRef matched a read")
	}
}

func TestRefAndLiteral(t *testing.T) {
	env := testEnv(t)
	for _, src := range []string{"claims.id == '74'", "'74' == claims.id"} {
		_, e := checked(t, env, src)
		args := e.AsCall().Args()
		r, lit, ok := RefAndLiteral(args[0], args[1], "claims")
		if !ok || r != (Ref{"claims", "id"}) || lit.Value() != "74" {
			t.Errorf("%s: %v %v %v", src, r, lit, ok)
		}
	}
	_, e := checked(t, env, "claims.id == claims.other")
	if _, _, ok := RefAndLiteral(e.AsCall().Args()[0], e.AsCall().Args()[1], "claims"); ok {
		t.Error("matched two refs")
	}
}
