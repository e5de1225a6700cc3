package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// startDemo opens `oidcscope --demo --offline` in a w×h tmux session on
// its own server (socket, with the process ID appended), then shellTail
// (text after the command in the pane's shell line). It skips where tmux
// is missing (OIDCSCOPE_REQUIRE_TMUX makes that a failure) or under
// -short, and runs the test in parallel: it is mostly waiting on tmux,
// and sets no environment and reads none the other tests set. --offline:
// a token pasted after the demo is checked as the flags say, and without
// it that would be discovery on the network.
func startDemo(t *testing.T, socket string, w, h int, shellTail string) tmuxServer {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("OIDCSCOPE_REQUIRE_TMUX") != "" {
			t.Fatal("tmux is required: apt-get install -y tmux")
		}
		t.Skip("tmux not installed")
	}
	if testing.Short() {
		t.Skip("runs the program in tmux")
	}
	t.Parallel()
	// The program is this test binary under the name oidcscope, which
	// TestMain puts on PATH: its main is main's, without linking the
	// whole program a second time.
	bin, err := exec.LookPath("oidcscope")
	if err != nil {
		t.Fatalf("oidcscope is not on PATH (TestMain puts it there): %v", err)
	}
	tm := tmuxServer{t: t, socket: fmt.Sprintf("%s-%d", socket, os.Getpid())}
	t.Cleanup(func() { tm.cmd("kill-server") })
	tm.cmd("-f", os.DevNull, "new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", "TERM=xterm-256color", "-e", "NO_COLOR=", bin+" --demo --offline"+shellTail)
	return tm
}

type tmuxServer struct {
	t      *testing.T
	socket string
}

func (s tmuxServer) cmd(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil && args[0] != "kill-server" {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s tmuxServer) keys(keys ...string) {
	s.t.Helper()
	s.cmd(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

func (s tmuxServer) literal(text string) {
	s.t.Helper()
	s.cmd("send-keys", "-t", "e2e", "-l", text)
}

func (s tmuxServer) capture() string {
	s.t.Helper()
	return s.cmd("capture-pane", "-p", "-t", "e2e")
}

// waitFor polls the screen until it shows want and has settled: two
// captures in a row are the same. tmux may be read in the middle of a
// frame (its top drawn, the rest still the last frame's), so the first
// capture that shows want may not hold the rest of the frame yet.
func (s tmuxServer) waitFor(want, what string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	last := ""
	for {
		screen := s.capture()
		if strings.Contains(screen, want) && screen == last {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s (%q) on a settled screen; the screen shows:\n%s", what, want, screen)
		}
		last = screen
		pause := 100 * time.Millisecond
		if strings.Contains(screen, want) {
			pause = 30 * time.Millisecond // seen: only to see it settle
		}
		time.Sleep(pause)
	}
}

// scrolled pages down (space) until the screen shows want, and returns
// every page seen, joined.
func (s tmuxServer) scrolled(want string) string {
	s.t.Helper()
	var all strings.Builder
	for range 10 {
		screen := s.capture()
		all.WriteString(screen)
		if strings.Contains(screen, want) {
			return all.String()
		}
		s.keys("Space")
		time.Sleep(150 * time.Millisecond)
	}
	s.t.Fatalf("%q never showed; the pages:\n%s", want, all.String())
	return ""
}

func assertFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) > h {
		t.Errorf("%d lines on a %d-line screen", len(lines), h)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("line %d is %d wide on a %d-column screen", i+1, n, w)
		}
	}
}
