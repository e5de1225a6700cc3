package ui

import (
	"regexp"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestExportHasHeading: the Markdown that x and X copy has a token
// heading with text, never an empty "### ".
func TestExportHasHeading(t *testing.T) {
	heading := regexp.MustCompile(`(?m)^### (.*)$`)
	cases := []struct {
		name  string
		edit  bool
		key   string
		wants string
	}{
		{"x", false, "x", "Token for audience sts.amazonaws.com"},
		{"X", false, "X", "Token for audience sts.amazonaws.com"},
		{"x edited", true, "x", "Token for audience sts.amazonaws.com (edited, unsigned)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, clip := newTestModel(t, inspect.NewSession(demoOptions(t)), demoToken(t), 100, 30)
			if c.edit {
				m = editClaim(t, m, "event_name", "pull_request")
			}
			m = keys(t, m, c.key)
			md := clipboard(t, clip)
			got := heading.FindStringSubmatch(md)
			if got == nil || got[1] != c.wants {
				t.Errorf("%s: heading %q, want %q", c.key, got, c.wants)
			}
		})
	}
}
