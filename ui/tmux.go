package ui

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// tmuxWait bounds tmux load-buffer: a server that does not answer must
// not leave a copy pending for ever.
const tmuxWait = 3 * time.Second

// tmuxLoadBuffer puts text into the paste buffer of the tmux server $TMUX
// names; -w also sends it to the outer terminal's clipboard where tmux's
// set-clipboard allows (tmux 3.2 and later; older ones refuse -w, and the
// copy then goes by OSC 52). The text goes on stdin, never in arguments.
func tmuxLoadBuffer(text []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), tmuxWait)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tmux", "load-buffer", "-w", "-")
	cmd.Stdin = bytes.NewReader(text)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("tmux load-buffer: %w: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}
