package redact

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestRealign: alignments are recomputed on redacted values, a difference
// inside a hidden value has no position, a cut-off token line does not end
// in the start of a hidden value, and other lines are only redacted.
func TestRealign(t *testing.T) {
	r := newReplacer(nil, []pair{{"74", "<repository_id>"}, {"6a2d8f14-c3e9", "<jti>"}})
	lines := func(e, tok string) []string { return policy.Align(e, tok) }
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"inside an ID", lines("repo:o@75:x", "repo:o@74:x"), []string{"differs inside a redacted ID (<repository_id>): position not shown"}},
		{"inside an ID the policy holds", lines("id 74 x", "id 7 x"), []string{"differs inside a redacted ID (<repository_id>): position not shown"}},
		{"after an ID", lines("repo:o@74:dev", "repo:o@74:main"), lines("repo:o@<repository_id>:dev", "repo:o@<repository_id>:main")},
		{"cut inside an ID", lines("repo:O", "repo:o@7"), lines("repo:O", "repo:o@<repository_id>")},
		{"cut inside a jti", lines("j:X", "j:x 6a2d8f14-c3"), lines("j:X", "j:x <jti>")},
		{"a jti where the policy has none", lines("j:X", "j:6a2d8f14-c3"), []string{"differs inside a redacted ID (<jti>): position not shown"}},
		{"no ID", lines("abc", "abd"), lines("abc", "abd")},
		{"prose", []string{"the sub 74 differs", "  expected: 74"}, []string{"the sub <repository_id> differs", "  expected: <repository_id>"}},
		{"not an alignment", []string{"first difference at character 3:", "  expected: a74", "  token:    a75", "  ^"},
			[]string{"first difference at character 3:", "  expected: a74", "  token:    a75", "  ^"}},
	} {
		got := r.diagnosis(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, strings.Join(got, "\n     "), strings.Join(tc.want, "\n     "))
		}
	}
	if r.diagnosis(nil) != nil {
		t.Error("nil diagnosis")
	}
}
