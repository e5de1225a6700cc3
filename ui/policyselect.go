package ui

import "github.com/oidcscope/oidcscope/inspect"

// selectPolicyFrom puts the Policies cursor on the first policy read from
// path (a file, or a folder's file), once the report with it has come:
// the sort may put it anywhere, and the row the cursor's number held
// before is another policy now. Nothing read from path: the cursor stays.
func (m *Model) selectPolicyFrom(path string) {
	for i, p := range m.policies() {
		if inspect.FromDocument(p.Source, path) {
			m.policySel = i
			return
		}
	}
}
