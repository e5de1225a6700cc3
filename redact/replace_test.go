package redact

import "testing"

func TestReplacer(t *testing.T) {
	words := []pair{{"74", "<repository_id>"}, {"7", "<enterprise_id>"}, {"3f6d2b8e-9c41", "<jti>"}}
	exact := []pair{{"c2lnbmF0dXJl", "<redacted-signature>"}}
	r := newReplacer(exact, words)
	for _, tc := range []struct{ in, want string }{
		{"74", "<repository_id>"},
		{"repo:octo-org@65/octo-repo@74:ref:refs/heads/main", "repo:octo-org@65/octo-repo@<repository_id>:ref:refs/heads/main"},
		{"https://github.com/o/r/actions/runs/74/attempts/7", "https://github.com/o/r/actions/runs/<repository_id>/attempts/<enterprise_id>"},
		{`"repository_id": "74"`, `"repository_id": "<repository_id>"`},
		{"1740 and 747 and 47", "1740 and 747 and 47"},               // inside longer numbers
		{"sha 8f74ab and 74f and x74", "sha 8f74ab and 74f and x74"}, // inside words and hashes
		{"74/74", "<repository_id>/<repository_id>"},
		{"jti 3f6d2b8e-9c41.", "jti <jti>."},
		{"a.b.c2lnbmF0dXJl", "a.b.<redacted-signature>"},
		{"xc2lnbmF0dXJlx", "x<redacted-signature>x"}, // exact pairs need no boundary
		{"no ids here", "no ids here"},
		// A small ID inside a date, a time or a version is part of that
		// number, not the ID (GitHub Enterprise Server's IDs start at 1).
		{"refs/heads/release-7.74", "refs/heads/release-7.74"},
		{"v74.0.1 and 1.74", "v74.0.1 and 1.74"},
		{"run-74 and 74-x and @74:ref", "run-<repository_id> and <repository_id>-x and @<repository_id>:ref"},
		{"", ""},
	} {
		if got := r.apply(tc.in); got != tc.want {
			t.Errorf("apply(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A placeholder is never scanned again: the value "2" must not be
	// replaced inside "<run_id-2>".
	r2 := newReplacer(nil, []pair{{"9", "<run_id-2>"}, {"2", "<x>"}})
	if got := r2.apply("9 2"); got != "<run_id-2> <x>" {
		t.Errorf("apply = %q", got)
	}
	if got := newReplacer(nil, []pair{{"12", "<repository_owner_id>"}}).apply("nbf 2025-12-31T12:12:00Z, owner 12"); got != "nbf 2025-12-31T12:12:00Z, owner <repository_owner_id>" {
		t.Errorf("a date's and a time's 12 replaced: %q", got)
	}
	if got := newReplacer(nil, []pair{{"", "<empty>"}}).apply("abc"); got != "abc" {
		t.Errorf("an empty value replaced: %q", got)
	}
}
