package remote

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// HelperName is the helper's file name, without .exe.
const HelperName = "oidcscope-cel"

// HelperEnv names an environment variable that, when set, is the helper's
// path (tests, and installs that keep it elsewhere).
const HelperEnv = "OIDCSCOPE_CEL_HELPER"

// helloTimeout bounds the greeting: a program that is not the helper (a
// wrong oidcscope-cel on PATH) may never answer, and every document
// waits on the first.
const helloTimeout = 10 * time.Second

// Start runs the helper at path and greets it.
func Start(path, version string) (*Conn, error) { return startWithin(path, version, helloTimeout) }

func startWithin(path, version string, timeout time.Duration) (*Conn, error) {
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
	stderr := &stderrKeeper{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w could not start: %w", ErrHelper, err)
	}
	// end stops the helper once: its input closed, then (when kill says
	// so) the process killed, then waited for, which also waits for the
	// copy of its stderr, so a failure can quote all it said.
	var once sync.Once
	var waited error
	end := func(kill bool) error {
		once.Do(func() {
			closeErr := stdin.Close()
			if kill {
				_ = cmd.Process.Kill()
			}
			waited = errors.Join(closeErr, cmd.Wait())
		})
		return waited
	}
	fail := func(err error) error {
		_ = end(true)
		if said := stderr.said(); said != "" {
			return fmt.Errorf("%w (%s said: %s)", err, path, said)
		}
		return fmt.Errorf("%w (%s)", err, path)
	}
	type greeted struct {
		c   *Conn
		err error
	}
	done := make(chan greeted, 1)
	go func() {
		c, err := newConn(stdout, stdin, closeFunc(func() error { return end(false) }), version, fail)
		done <- greeted{c, err}
	}()
	select {
	case g := <-done:
		if g.err != nil {
			_ = end(true)
		}
		return g.c, g.err
	case <-time.After(timeout):
		_ = end(true) // the greeting's read ends with the process
		<-done
		return nil, fmt.Errorf("%w at %s did not answer within %s", ErrHelper, path, timeout)
	}
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
// failure, said once per document rather than retried on each). version
// is asked then, not at start-up.
func Shared(getenv func(string) string, version func() string) Dialer {
	return sync.OnceValues(func() (*Conn, error) {
		path, err := Locate(getenv)
		if err != nil {
			return nil, err
		}
		return Start(path, version())
	})
}

type closeFunc func() error

func (f closeFunc) Close() error { return f() }

// stderrKeeper keeps the start and the end of what the helper writes to
// stderr: a Go crash says why first and prints its stacks after.
type stderrKeeper struct {
	mu         sync.Mutex
	head, tail []byte
	dropped    bool
}

const keptBytes = 1024

func (k *stderrKeeper) Write(p []byte) (int, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := len(p)
	if room := keptBytes - len(k.head); room > 0 {
		take := min(room, len(p))
		k.head = append(k.head, p[:take]...)
		p = p[take:]
	}
	k.tail = append(k.tail, p...)
	if over := len(k.tail) - keptBytes; over > 0 {
		k.tail = k.tail[over:]
		k.dropped = true
	}
	return n, nil
}

// said is what was kept, with "…" where the middle was dropped.
func (k *stderrKeeper) said() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	gap := ""
	if k.dropped {
		gap = " … "
	}
	return strings.TrimSpace(string(k.head) + gap + string(k.tail))
}
