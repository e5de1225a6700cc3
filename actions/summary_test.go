package actions

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAppendSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte("# earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := AppendSummary(path, []byte("## oidcscope\n")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "# earlier step\n## oidcscope\n" {
		t.Errorf("summary = %q", data)
	}
}

func TestAppendSummaryCutsToFit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("y", 99) + "\n"
	big := []byte(strings.Repeat(line, MaxSummary/100))
	if err := AppendSummary(path, big); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if len(data) > MaxSummary {
		t.Errorf("summary is %d bytes, over %d", len(data), MaxSummary)
	}
	if !strings.HasSuffix(string(data), truncatedNote) {
		t.Errorf("no note at the end: %q", data[len(data)-200:])
	}
	body := strings.TrimSuffix(string(data[1000:]), truncatedNote)
	if !strings.HasSuffix(body, strings.Repeat("y", 99)) {
		t.Errorf("not cut at a line break: %q", body[len(body)-120:])
	}
	// Now full: nothing more fits.
	if err := AppendSummary(path, []byte(strings.Repeat(line, 10))); !errors.Is(err, ErrSummaryFull) {
		t.Errorf("err = %v, want ErrSummaryFull", err)
	}
}
