package celclaims

import (
	"slices"
	"testing"
)

func TestLiteralString(t *testing.T) {
	env := testEnv(t)
	for src, want := range map[string]bool{"'x'": true, `"x"`: true, "r'x'": true, "1": false, "b'x'": false, "claims.x": false} {
		_, e := checked(t, env, src)
		s, ok := LiteralString(e)
		if ok != want || ok && s != "x" {
			t.Errorf("LiteralString(%s) = %q %v", src, s, ok)
		}
	}
	if _, ok := LiteralString(nil); ok {
		t.Error("LiteralString(nil) matched")
	}
}

func TestStringList(t *testing.T) {
	env := testEnv(t)
	_, e := checked(t, env, "['a', 'b']")
	if got, ok := StringList(e); !ok || !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("StringList = %q %v", got, ok)
	}
	for _, src := range []string{"['a', claims.b]", "['a', 1]", "'a'"} {
		_, e := checked(t, env, src)
		if got, ok := StringList(e); ok {
			t.Errorf("StringList(%s) = %q, want no match", src, got)
		}
	}
}
