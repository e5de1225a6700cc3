package remote_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/policy/remote"
)

// fakeHelper writes a shell script that stands in for the helper.
func fakeHelper(t *testing.T, script string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("a shell script stands in for the helper")
	}
	path := filepath.Join(t.TempDir(), "oidcscope-cel")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHelperLastWords: a helper that dies mid-answer is quoted in the
// error, every time (its stderr is read to the end before the error is
// made), and a long crash keeps its first line, which says why.
func TestHelperLastWords(t *testing.T) {
	path := fakeHelper(t, `read line
echo "fatal error: out of memory" >&2
i=0; while [ $i -lt 200 ]; do echo "goroutine $i [running]: some.frame(0x$i)" >&2; i=$((i+1)); done
exit 2
`)
	for i := range 40 {
		_, err := remote.Start(path, testVersion)
		if err == nil || !strings.Contains(err.Error(), "fatal error: out of memory") {
			t.Fatalf("run %d: %v, want the helper's first line quoted", i, err)
		}
		if !strings.Contains(err.Error(), "goroutine 199") {
			t.Fatalf("run %d: %v, want the end of what it said too", i, err)
		}
	}
}

// TestHelperThatNeverAnswers: a program that reads and says nothing (a
// wrong oidcscope-cel on PATH) is given up on, and ended.
func TestHelperThatNeverAnswers(t *testing.T) {
	path := fakeHelper(t, "exec sleep 60\n")
	start := time.Now()
	_, err := remote.StartWithin(path, testVersion, 300*time.Millisecond)
	if !errors.Is(err, remote.ErrHelper) || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("StartWithin = %v, want it to give up on the silent helper", err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("giving up took %s: the silent helper was not ended", took)
	}
}
