package setting

import "testing"

// TestName: a caller's word wins; nil Names, or "" for a setting, leaves
// the neutral name, and every setting has one.
func TestName(t *testing.T) {
	say := Names(func(id ID) string {
		if id == Offline {
			return "--offline"
		}
		return ""
	})
	if got := say.Name(Offline); got != "--offline" {
		t.Errorf("Name(Offline) = %q, want the caller's --offline", got)
	}
	if got := say.Name(Key); got != "a key file" {
		t.Errorf("Name(Key) = %q, want the neutral name", got)
	}
	for _, id := range All() {
		if got := Names(nil).Name(id); got == "" || got == ID(0).String() {
			t.Errorf("setting %d has no neutral name (%q)", id, got)
		}
	}
}

// TestPick: the caller's template when it words every setting named, the
// neutral text when it words none or only some.
func TestPick(t *testing.T) {
	some := Names(func(id ID) string {
		if id == JWKS {
			return "--jwks"
		}
		return ""
	})
	all := Names(func(id ID) string { return "--" + id.String() })
	for _, tc := range []struct {
		say  Names
		want string
	}{
		{nil, "neutral"},
		{some, "neutral"},
		{all, "with --JWK Set and --discovery"},
	} {
		if got := tc.say.Pick("neutral", "with %s and %s", JWKS, Discover); got != tc.want {
			t.Errorf("Pick = %q, want %q", got, tc.want)
		}
	}
}
