package ui

import (
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/verify"
)

// failedChecks names every check that failed but the signature's, which
// the badge beside it already tells: "✓ valid" alone while aud fails
// would read as all clear.
func (m Model) failedChecks() string {
	var names []string
	for _, c := range m.report.Verify.Checks {
		if c.Status == verify.Fail && c.Name != "signature" {
			names = append(names, escape.Text(c.Name))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return m.st.Fail.Render("✗ fail " + strings.Join(names, ", "))
}

// evaluatedAt is the instant the checks were evaluated at when it is not
// now (--at): the countdown and the checks are then about that instant.
func (m Model) evaluatedAt() string {
	r := m.report
	if !r.AtFixed || r.At.Equal(m.now) {
		return ""
	}
	return m.st.Warn.Render("at " + r.At.UTC().Format(time.RFC3339) + " (--at)")
}
