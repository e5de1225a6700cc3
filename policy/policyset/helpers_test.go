package policyset

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

func decodeObj(t *testing.T) decode.Value {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(`{"sub":"x"}`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return v
}

// writeTree writes files (slash-separated path: content) below a new
// temporary folder and returns that folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
