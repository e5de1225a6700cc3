package ui

import (
	"path/filepath"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// selectPolicyFrom puts the Policies cursor on the first policy read from
// path (a file, or a folder's file), once the report with it has come:
// the sort may put it anywhere, and the row the cursor's number held
// before is another policy now. Nothing read from path: the cursor stays.
func (m *Model) selectPolicyFrom(path string) {
	want := filepath.Clean(path)
	below := want + string(filepath.Separator)
	for i, p := range m.policies() {
		doc := filepath.Clean(policy.DocumentOf(p.Source))
		if doc == want || strings.HasPrefix(doc, below) {
			m.policySel = i
			return
		}
	}
}
