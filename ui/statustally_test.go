package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestStatusLineCountsErrorsApart: a policy that could not be evaluated
// is counted as an error (!1), as the list, the claim badges and the
// export count it, not as a denial.
func TestStatusLineCountsErrorsApart(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(broken, []byte(`{"Version":"2012-10-17","Statement":[`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ := inspect.NewSession(demoOptions(t)).WithPolicyFiles(
		filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json"), broken)
	m, _ := newTestModel(t, s, demoToken(t), 160, 30)
	top := strings.SplitN(m.View(), "\n", 2)[0]
	if !strings.Contains(top, "policies ✓0 ✗1 !1") {
		t.Errorf("status line %q: want the denial and the error counted apart (policies ✓0 ✗1 !1)", top)
	}
}
