package lazyre

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

func TestNewCompilesOnce(t *testing.T) {
	re := New(`^a+$`)
	if !re().MatchString("aaa") || re().MatchString("b") {
		t.Error("wrong matches")
	}
	if re() != re() {
		t.Error("compiled twice")
	}
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	New(`(`)()
}

// TestEveryExpressionCompiles: every literal expression given to New in the
// module compiles, so none can panic at its first use in a run.
func TestEveryExpressionCompiles(t *testing.T) {
	root, err := testseeds.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile("lazyre\\.New\\(`([^`]*)`\\)")
	n := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllSubmatch(src, -1) {
			n++
			if _, err := regexp.Compile(string(m[1])); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("found %d expressions; the scan is not finding them", n)
	}
}
