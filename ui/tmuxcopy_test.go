package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// TestCopyUnderTmux: inside tmux a copy goes into tmux's paste buffer
// (tmux load-buffer -w, which also hands it to the outer terminal's
// clipboard), never as a passthrough sequence tmux drops by default; when
// that fails, and outside tmux, a plain OSC 52 is sent and the status
// line says it was sent, not that it arrived, which the program cannot
// know. The condition is named by its provider's display name (issue 16,
// item 6).
func TestCopyUnderTmux(t *testing.T) {
	tok := demoToken(t)
	tests := []struct {
		name     string
		env      map[string]string
		loadErr  error
		wantTmux bool   // the text went to tmux's buffer
		wantOSC  string // "plain", "screen" or "" (none)
		flash    string
		flashNot string
	}{
		{name: "tmux", env: map[string]string{"TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "screen-256color"},
			wantTmux: true, flash: "copied the AWS condition", flashNot: "clipboard"},
		{name: "tmux without load-buffer", env: map[string]string{"TMUX": "/tmp/tmux-1000/default,1,0"},
			loadErr: errors.New("unknown flag -w"), wantOSC: "plain", flash: "sent the AWS condition", flashNot: "copied"},
		{name: "screen", env: map[string]string{"TERM": "screen.xterm-256color"},
			wantOSC: "screen", flash: "sent the AWS condition", flashNot: "copied"},
		{name: "a terminal", env: map[string]string{"TERM": "xterm-256color"},
			wantOSC: "plain", flash: "sent the AWS condition", flashNot: "copied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var loaded []string
			cfg, clip := testConfig(inspect.NewSession(demoOptions(t)), tok)
			cfg.Getenv = func(k string) string { return tt.env[k] }
			cfg.TmuxBuffer = func(text []byte) error {
				loaded = append(loaded, string(text))
				return tt.loadErr
			}
			m := start(t, cfg, 200, 40)
			m = selectClaim(t, m, "repository_id")
			want := ""
			for i, sn := range m.selectedClaim().WouldSatisfy {
				if sn.Provider == policy.AWS {
					for range i {
						m = keys(t, m, "]")
					}
					want = sn.Text
					break
				}
			}
			if want == "" {
				t.Fatal("repository_id has no AWS condition")
			}
			m = keys(t, m, "Y")
			if tt.wantTmux != (len(loaded) == 1 && tt.loadErr == nil) || tt.wantTmux && loaded[0] != want {
				t.Errorf("tmux's buffer got %q, want it %v", loaded, tt.wantTmux)
			}
			out := clip.String()
			switch tt.wantOSC {
			case "":
				if out != "" {
					t.Errorf("an OSC 52 sequence was written too: %q", out)
				}
			case "plain":
				if strings.Contains(out, "\x1bPtmux;") || clipboard(t, clip) != want {
					t.Errorf("want a plain OSC 52 of the condition, got %q", out)
				}
			case "screen":
				if !strings.HasPrefix(out, "\x1bP") {
					t.Errorf("want screen's passthrough, got %q", out)
				}
			}
			if !strings.Contains(m.flash, tt.flash) || strings.Contains(m.flash, tt.flashNot) {
				t.Errorf("status line %q: want %q, not %q", m.flash, tt.flash, tt.flashNot)
			}
		})
	}
}
