package closest

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"polcy", "policy", 1}, {"policy", "policy", 0}, {"jwsk", "jwks", 2}, {"", "abc", 3}, {"kitten", "sitting", 3}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMatch(t *testing.T) {
	cands := []string{"policy", "policy-dir", "offline", "audience"}
	for _, tc := range []struct {
		typed string
		limit int
		want  string
	}{
		{"polcy", 3, "policy"},
		{"ofline", 3, "offline"},
		{"audeince", 3, "audience"},
		{"zzzz", 3, ""},
		{"polic", 1, ""}, // one edit is not fewer than one
		{"policy-di", 2, "policy-dir"},
		{"", 3, ""},
	} {
		if got := Match(tc.typed, cands, tc.limit); got != tc.want {
			t.Errorf("Match(%q, limit %d) = %q, want %q", tc.typed, tc.limit, got, tc.want)
		}
	}
}
