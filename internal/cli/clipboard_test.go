package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestClipboardNeverAFile: with stderr redirected to a file, OSC 52 (which
// may carry the token) goes to the terminal, not into the file.
func TestClipboardNeverAFile(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := os.Stdout
	if got := clipboardWriter(f, out); got != io.Writer(out) {
		t.Error("a redirected stderr received the clipboard")
	}
	if got := clipboardWriter(&bytes.Buffer{}, out); got != io.Writer(out) {
		t.Error("a buffer stderr received the clipboard")
	}
}
