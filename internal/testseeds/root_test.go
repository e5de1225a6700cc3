package testseeds

import (
	"os"
	"path/filepath"
	"testing"
)

// The working directory is this package, two levels below the root: the
// case every caller outside the root package is in.
func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", root, err)
	}
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(root, wd); err != nil || filepath.ToSlash(rel) != "internal/testseeds" {
		t.Errorf("root %s is not two levels above %s", root, wd)
	}
}
