package ui

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestCopyStatusEscapesOnce: the status line after y names the claim as
// the list shows it (escaped once: the footer escapes the flash) and
// counts bytes in the singular for one.
func TestCopyStatusEscapesOnce(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString
	tok := enc([]byte(`{"alg":"none"}`)) + "." + enc([]byte(`{"\u001b[31mredname":"x","plain":"xy"}`)) + "."
	cases := []struct {
		claim string
		tmux  bool
		want  string
	}{
		{"\x1b[31mredname", false, `sent \x1b[31mredname (1 byte) to the terminal's clipboard`},
		{"\x1b[31mredname", true, `copied \x1b[31mredname (1 byte) into tmux's paste buffer`},
		{"plain", false, "sent plain (2 bytes) to the terminal's clipboard"},
		{"plain", true, "copied plain (2 bytes) into tmux's paste buffer"},
	}
	for _, c := range cases {
		cfg, _ := testConfig(inspect.NewSession(demoOptions(t)), []byte(tok))
		if c.tmux {
			cfg.Getenv = func(k string) string {
				if k == "TMUX" {
					return "/tmp/tmux-test,1,0"
				}
				return ""
			}
			cfg.TmuxBuffer = func([]byte) error { return nil }
		}
		m := start(t, cfg, 100, 30)
		if m.selectedClaim() == nil {
			t.Fatalf("no claims in %s", tok)
		}
		for m.selectedClaim().Name != c.claim {
			before := m.claimSel
			if m = keys(t, m, "j"); m.claimSel == before {
				t.Fatalf("no claim %q", c.claim)
			}
		}
		m = keys(t, m, "y")
		footer := m.View()
		if !strings.Contains(footer, c.want) {
			t.Errorf("y on %q (tmux %v): status lacks %q:\n%s", c.claim, c.tmux, c.want, footer[strings.LastIndex(footer, "\n")+1:])
		}
	}
}
