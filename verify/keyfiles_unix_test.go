//go:build unix

package verify

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
)

// TestKeyFileDevZero: a device that never ends is refused at once by every
// flag that reads a file, before a byte is read.
func TestKeyFileDevZero(t *testing.T) {
	const zero = "/dev/zero"
	for flag, src := range keyFileSources(zero) {
		err := loadWithin(t, flag, src, 5*time.Second, nil)
		wantKeyFileRefused(t, flag, zero, err, "not a regular file or a pipe")
	}
}

// TestKeyFileFIFO: a pipe is read (process substitution, --jwks <(curl …)),
// but never waited on for ever: a FIFO nobody opened for writing reads as
// empty at once, and one whose writer never finishes ends at the deadline.
func TestKeyFileFIFO(t *testing.T) {
	mkfifo := func(t *testing.T) string {
		fifo := filepath.Join(t.TempDir(), "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		return fifo
	}
	t.Run("no writer", func(t *testing.T) {
		fifo := mkfifo(t)
		// If Load blocks in open, play the writer so its goroutine ends.
		unblock := func() {
			if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
		}
		for flag, src := range keyFileSources(fifo) {
			if err := loadWithin(t, flag, src, 2*time.Second, unblock); err == nil {
				t.Errorf("%s: an empty pipe gave keys", flag)
			}
		}
	})
	// The two below read a pipe as bash's <(…) passes it: /dev/fd/N, with
	// the writer's end already open.
	pipe := func(t *testing.T) (string, *os.File) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		path := fmt.Sprintf("/dev/fd/%d", r.Fd())
		if _, err := os.Stat(path); err != nil {
			t.Skipf("no /dev/fd: %v", err)
		}
		return path, w
	}
	t.Run("writer sends a key set", func(t *testing.T) {
		path, w := pipe(t)
		go func() {
			w.Write(fixtures.DemoJWKS())
			w.Close()
		}()
		data, err := readKeyFileWithin(path, 5*time.Second)
		if err != nil || !bytes.Equal(data, fixtures.DemoJWKS()) {
			t.Fatalf("read %d bytes, %v; want the demo JWKS", len(data), err)
		}
	})
	t.Run("writer never finishes", func(t *testing.T) {
		path, w := pipe(t)
		if _, err := w.Write([]byte(`{"keys":[`)); err != nil {
			t.Fatal(err)
		}
		_, err := readKeyFileWithin(path, 200*time.Millisecond)
		if !errors.Is(err, ErrKeyFile) || !strings.Contains(err.Error(), "sent nothing to end within") {
			t.Fatalf("err = %v; want ErrKeyFile saying the pipe did not end", err)
		}
	})
}
