package remote

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// HelperName is the helper's file name, without .exe.
const HelperName = "oidcscope-cel"

// HelperEnv names an environment variable that, when set, is the helper's
// path (tests, and installs that keep it elsewhere).
const HelperEnv = "OIDCSCOPE_CEL_HELPER"

// Start runs the helper at path and greets it.
func Start(path, version string) (*Conn, error) {
	cmd := exec.Command(path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrHelper, err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrHelper, err)
	}
	// What a failing helper says goes into the error, not onto the
	// terminal the inspector draws on.
	stderr := &tailBuffer{max: 2048}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w could not start: %w", ErrHelper, err)
	}
	closer := closeFunc(func() error {
		err := stdin.Close()
		return errors.Join(err, cmd.Wait())
	})
	describe := func(err error) error {
		if said := bytes.TrimSpace(stderr.bytes()); len(said) > 0 {
			return fmt.Errorf("%w (%s said: %s)", err, path, said)
		}
		return fmt.Errorf("%w (%s)", err, path)
	}
	c, err := newConn(stdout, stdin, closer, version, describe)
	if err != nil {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, err
	}
	return c, nil
}

// Locate finds the helper: HelperEnv when set, else beside the running
// executable (also beside the file a symbolic link to it names, as
// Homebrew installs it), else on PATH.
func Locate(getenv func(string) string) (string, error) {
	if p := getenv(HelperEnv); p != "" {
		return p, nil
	}
	name := HelperName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var looked []string
	if exe, err := os.Executable(); err == nil {
		dirs := []string{filepath.Dir(exe)}
		if real, err := filepath.EvalSymlinks(exe); err == nil && filepath.Dir(real) != dirs[0] {
			dirs = append(dirs, filepath.Dir(real))
		}
		for _, dir := range dirs {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
			looked = append(looked, dir)
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%w is not installed: this oidcscope reads Google Cloud and Kubernetes documents with %s, which is in the same release archive and package; it was not found in %s or on PATH (or set %s to its path)",
		ErrHelper, name, strings.Join(looked, ", "), HelperEnv)
}

// Shared is the dialer of one process: the first call locates and starts
// the helper, every later call returns the same connection (or the same
// failure, said once per document rather than retried on each).
func Shared(getenv func(string) string, version string) Dialer {
	return sync.OnceValues(func() (*Conn, error) {
		path, err := Locate(getenv)
		if err != nil {
			return nil, err
		}
		return Start(path, version)
	})
}

type closeFunc func() error

func (f closeFunc) Close() error { return f() }

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - b.max; over > 0 {
		b.buf = b.buf[over:]
	}
	return len(p), nil
}

func (b *tailBuffer) bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf)
}
