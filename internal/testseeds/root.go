package testseeds

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot finds the directory holding go.mod above the working
// directory, which `go test` sets to the package under test: a helper
// shared by packages at different depths cannot use a relative path.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding the module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// repo is the module's tree, so that paths and patterns are written from
// the root with slashes whichever package's test asks.
func repo(tb testing.TB) fs.FS {
	tb.Helper()
	root, err := ModuleRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return os.DirFS(root)
}

// Files returns the contents of every file matching pattern (a path.Match
// pattern from the module root, e.g. "fixtures/claims/*.json") in name
// order. A pattern matching nothing fails the test: a seed set that
// silently shrank to nothing would still pass.
func Files(tb testing.TB, pattern string) [][]byte {
	tb.Helper()
	repo := repo(tb)
	names, err := fs.Glob(repo, pattern)
	if err != nil || len(names) == 0 {
		tb.Fatalf("no seed files match %s (%v)", pattern, err)
	}
	out := make([][]byte, 0, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(repo, name)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}
