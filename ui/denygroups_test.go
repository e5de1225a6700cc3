package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// TestOpenPolicyShowsItsStatements: an AWS policy whose Deny statement
// overrides its Allow shows each statement's conditions under the
// statement, and the Deny says it decides, as the reports do; before,
// every line under "✗ deny" read as a pass.
func TestOpenPolicyShowsItsStatements(t *testing.T) {
	s, failures := inspect.NewSession(demoOptions(t)).WithPolicyFiles(
		filepath.Join("..", "fixtures", "policies", "aws", "trust-deny-pull-requests.json"))
	if len(failures) > 0 {
		t.Fatal(failures)
	}
	tok, err := fixtures.Sign("pull-request", fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestModel(t, s, []byte(tok), 120, 40)
	m = keys(t, m, "4", "enter")
	screen := m.View()
	// The headings are lines of their own; the summary names the Deny too.
	heading := func(prefix string) int {
		for i, l := range strings.Split(screen, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), prefix) {
				return i
			}
		}
		return -1
	}
	allow, deny := heading("Statement[0] Allow"), heading("Statement[1] Deny")
	if allow < 0 || deny < allow {
		t.Fatalf("the open policy lacks its statements in order (Allow on line %d, Deny on line %d):\n%s", allow, deny, screen)
	}
	if !strings.Contains(strings.Split(screen, "\n")[deny], view.DeniesNote) {
		t.Errorf("the deciding Deny's heading does not say so:\n%s", screen)
	}
}
