package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestNoTerminalQueryOnSilentTerminal: a command that draws no terminal
// inspector, run with a terminal as its controlling terminal and output
// that never answers (a pre-commit runner, `ssh -tt`, `docker run -t`
// into a file), writes no background-colour or cursor query and so waits
// for no answer. Bubble Tea v1's package init asks (see
// internal/quietinit): the query's bytes used to land in the output,
// --json's included, after a 5-second wait.
func TestNoTerminalQueryOnSilentTerminal(t *testing.T) {
	bin, err := exec.LookPath("oidcscope")
	if err != nil {
		t.Fatalf("oidcscope is not on PATH (TestMain puts it there): %v", err)
	}
	for _, args := range [][]string{{"version"}, {"inspect", "--demo", "--json"}} {
		out := runOnSilentTerminal(t, bin, args...)
		for _, query := range []string{"\x1b]11;?", "\x1b[6n"} {
			if bytes.Contains(out, []byte(query)) {
				t.Errorf("oidcscope %v on a terminal that never answers wrote the query %q; output begins %q", args, query, out[:min(len(out), 60)])
			}
		}
		if len(out) == 0 {
			t.Errorf("oidcscope %v wrote nothing", args)
		}
	}
}

// runOnSilentTerminal runs bin with a new pseudo-terminal as stdout,
// stderr and controlling terminal (in the foreground, so a query would be
// sent), stdin from /dev/null, and returns all it wrote. Nothing answers.
func runOnSilentTerminal(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer ptmx.Close()
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlocking the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("naming the pseudo-terminal: %v", err)
	}
	pts, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("opening the pseudo-terminal: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "CI=", "NO_COLOR=1")
	cmd.Stdout, cmd.Stderr = pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 1}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting oidcscope: %v", err)
	}
	pts.Close()
	// Reading ends with EIO once the program has exited and closed the
	// terminal. A program waiting for an answer goes on after termenv's
	// 5-second timeout; the deadline is only against a hang.
	ptmx.SetReadDeadline(time.Now().Add(60 * time.Second))
	var out bytes.Buffer
	_, err = io.Copy(&out, ptmx)
	var pathErr *os.PathError
	if err != nil && !(errors.As(err, &pathErr) && errors.Is(pathErr.Err, syscall.EIO)) {
		t.Errorf("reading the pseudo-terminal: %v", err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("oidcscope %v: %v\n%s", args, err, out.Bytes())
	}
	return out.Bytes()
}
