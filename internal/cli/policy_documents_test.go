package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestTUIPolicyFolderAndUnload: the terminal UI's p takes a folder, and
// a document loaded can be unloaded again, a failed one too, the others
// staying in load order (issue 16, item 11).
func TestTUIPolicyFolderAndUnload(t *testing.T) {
	dir := t.TempDir()
	fixturesDir := filepath.Join("..", "..", "fixtures", "policies", "aws")
	for _, name := range []string{"trust-environment-prod.json", "trust-deny-pull-requests.json"} {
		b, err := os.ReadFile(filepath.Join(fixturesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	broken := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(broken, []byte(`{"Version":"2012-10-17","Statement":[`), 0o644); err != nil {
		t.Fatal(err)
	}
	s := inspect.NewSession(inspect.Options{LoadPolicies: loadPolicyFiles, UnloadPolicies: unloadPolicyDocument})
	s, failures := s.WithPolicyFiles(dir)
	if len(failures) > 0 || s.PolicyCount() != 2 {
		t.Fatalf("a folder of two policies: %d loaded, failures %+v", s.PolicyCount(), failures)
	}
	s, failures = s.WithPolicyFiles(broken)
	if len(failures) != 1 || s.PolicyCount() != 3 {
		t.Fatalf("a broken document after them: %d loaded, failures %+v", s.PolicyCount(), failures)
	}
	prod := filepath.Join(dir, "trust-environment-prod.json")
	s, n, err := s.WithoutPolicies(prod)
	if err != nil || n != 1 || s.PolicyCount() != 2 {
		t.Fatalf("unloading %s: %d gone, %d left, %v", prod, n, s.PolicyCount(), err)
	}
	s, n, err = s.WithoutPolicies(broken)
	if err != nil || n != 1 || s.PolicyCount() != 1 {
		t.Fatalf("unloading the broken document: %d gone, %d left, %v", n, s.PolicyCount(), err)
	}
	// Loading after unloading adds to what is left.
	s, _ = s.WithPolicyFiles(prod)
	if s.PolicyCount() != 2 {
		t.Errorf("loading again after unloading: %d policies", s.PolicyCount())
	}
	if _, n, _ := s.WithoutPolicies("no-such-document"); n != 0 {
		t.Errorf("unloading a source never loaded removed %d", n)
	}
}
