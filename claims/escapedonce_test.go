package claims

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestSubjectContradictionsQuotedOnce: each line saying where sub and the
// claims disagree shows the values escaped once (the view escapes the
// line), so \x1b is an ESC and \\x1b a backslash then x1b.
func TestSubjectContradictionsQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		for _, c := range []struct {
			path string
			over map[string]string
			want []string // quoted in a contradiction
		}{
			{"context part", map[string]string{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main" + v},
				[]string{"ref:refs/heads/main" + v}},
			{"context from the claims", map[string]string{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "ref": "refs/heads/main" + v},
				[]string{"ref:refs/heads/main" + v}},
			{"repo part", map[string]string{"sub": "repo:octo-org/octo-repo" + v + ":ref:refs/heads/main"},
				[]string{"octo-org/octo-repo" + v}},
			{"repository claim", map[string]string{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "repository": "octo-org/octo-repo" + v},
				[]string{"octo-org/octo-repo" + v}},
			{"immutable repo owner", map[string]string{"sub": "repo:octo-org" + v + "@65/octo-repo@74:ref:refs/heads/main"},
				[]string{"octo-org" + v}},
			{"immutable repo name", map[string]string{"sub": "repo:octo-org@65/octo-repo" + v + "@74:ref:refs/heads/main"},
				[]string{"octo-repo" + v}},
			{"custom part", map[string]string{"sub": "repository_owner_id:65" + v + ":repository_id:74"},
				[]string{"65" + v}},
		} {
			all := strings.Join(analyze(t, payload(t, c.over)).Subject.Contradictions, "\n")
			for _, w := range c.want {
				escapetest.WantQuotedOnce(t, c.path, all, w)
			}
		}
	})
}
