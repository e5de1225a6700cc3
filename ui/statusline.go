package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
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

// decodeStatus is the first problem decoding the token found, which may
// be cut short, and how many more the Header pane lists: a paste that is
// not quite a token ("looks truncated", a header that is not JSON) leads
// with why.
func (m Model) decodeStatus() []statusPart {
	var first string
	n := 0
	for _, p := range view.Problems(m.report) {
		if p.Stage != inspect.StageDecode {
			continue
		}
		if n == 0 {
			first = p.Message
		}
		n++
	}
	if n == 0 {
		return nil
	}
	out := []statusPart{{text: m.st.Fail.Render("✗ " + first), keep: true, shrink: true}}
	if n > 1 {
		out = append(out, statusPart{text: m.st.Dim.Render(fmt.Sprintf(" +%d", n-1)), keep: true, glued: true})
	}
	return out
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
