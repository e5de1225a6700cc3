package reach

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/simulate"
)

// TestRepositoryQuotedOnce: a repository that is not OWNER/REPO (from a
// flag) stands in the refusal raw between double quotes, so the view,
// escaping the whole message once, shows an ESC as \x1b and a literal
// backslash-x1b as \\x1b.
func TestRepositoryQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		_, err := Of(nil, simulate.Context{Repository: v})
		if err == nil {
			t.Fatal("Of accepted a repository without a slash")
		}
		escapetest.WantQuotedOnce(t, "repository", err.Error(), v)
	})
}
