package verify

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
)

// Key files are read under a size cap, and only when they are regular
// files (issue 13): --jwks /dev/zero must be a clear error, never a hang or
// running out of memory.

// keyFileSources are the three flags that read a file, pointed at path.
func keyFileSources(path string) map[string]Source {
	return map[string]Source{
		"--jwks":        {JWKS: path, Names: flagwords.Names},
		"--key":         {KeyFile: path, Names: flagwords.Names},
		"--secret-file": {SecretFile: path, Names: flagwords.Names},
	}
}

// loadWithin runs src.Load and fails the test if it does not return
// within limit; unblock, if not nil, is called then to let it finish.
func loadWithin(t *testing.T, what string, src Source, limit time.Duration, unblock func()) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := src.Load(context.Background(), mustParse(t, demoToken(t, "push-main")))
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		if unblock != nil {
			unblock()
		}
		t.Fatalf("%s: Load did not return within %v", what, limit)
		return nil
	}
}

// wantKeyFileRefused checks the error names the flag and the file and says
// why.
func wantKeyFileRefused(t *testing.T, flag, path string, err error, why string) {
	t.Helper()
	if !errors.Is(err, ErrKeyFile) || !errors.Is(err, ErrKeySource) {
		t.Errorf("%s %s: %v; want ErrKeySource and ErrKeyFile", flag, path, err)
		return
	}
	for _, s := range []string{flag, path, why} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("%s %s: %q does not say %q", flag, path, err, s)
		}
	}
}

func TestKeyFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, []byte(strings.Repeat("a", 1<<20+1)), 0o600); err != nil {
		t.Fatal(err)
	}
	for flag, src := range keyFileSources(big) {
		err := loadWithin(t, flag, src, 10*time.Second, nil)
		wantKeyFileRefused(t, flag, big, err, "1 MiB")
	}
	// Exactly the cap is read (as a secret: any bytes will do).
	exact := filepath.Join(dir, "exact")
	if err := os.WriteFile(exact, []byte(strings.Repeat("a", 1<<20)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := loadWithin(t, "--secret-file", Source{SecretFile: exact}, 10*time.Second, nil); err != nil {
		t.Errorf("a secret of exactly 1 MiB: %v", err)
	}
	// A directory is not a key file.
	for flag, src := range keyFileSources(dir) {
		err := loadWithin(t, flag, src, 10*time.Second, nil)
		wantKeyFileRefused(t, flag, dir, err, "not a regular file")
	}
}
