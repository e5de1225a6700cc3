package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/guard"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/ui"
	"github.com/oidcscope/oidcscope/verify"
)

// evil is content that would drive or deceive a terminal: CSI, OSC 52
// (clipboard) and OSC 8 (links), C1 CSI, carriage return, backspaces,
// Trojan Source bidi controls, a zero-width joiner, and 64 KiB without a
// break.
var evil = []string{
	"\x1b[2J\x1b[H",
	"\x1b]52;c;ZXZpbA==\x07",
	"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
	"\u009b31m",
	"safe\rEVIL",
	"secret\b\b\b\b\b\bXXXXXX",
	"\u202eevil\u202c \u2066isolate\u2069",
	"a\u200db",
	strings.Repeat("W", 64<<10),
}

// evilToken puts every evil string in claim values, a claim name, a
// nested array, and the header (kid and a custom parameter).
func evilToken(t *testing.T) string {
	t.Helper()
	claims := map[string]any{"iss": "https://token.actions.githubusercontent.com", "exp": 1767225900,
		"sub": "repo:octo-org/octo-repo:ref:refs/heads/main" + evil[0], "aud": []string{"sts.amazonaws.com", evil[1]}}
	for i, e := range evil {
		claims[fmt.Sprintf("evil%d", i)] = e
	}
	claims["name"+evil[2]] = "key"
	claims["nested"] = []any{evil[3], map[string]any{"deep": evil[6]}}
	payload, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	header, _ := json.Marshal(map[string]any{"alg": "RS256", "typ": "JWT" + evil[4], "kid": "oidcscope-demo" + evil[1], "x-evil": evil[5]})
	tok, err := fixtures.SignPayload(payload, header)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// evilPolicy is an AWS trust policy whose strings are evil too.
func evilPolicy(t *testing.T) string {
	t.Helper()
	doc := map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Sid": "S" + evil[0], "Effect": "Allow",
			"Principal": map[string]any{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" + evil[6]},
			"Action":    "sts:AssumeRoleWithWebIdentity",
			"Condition": map[string]any{"StringLike": map[string]any{
				"token.actions.githubusercontent.com:sub": "repo:octo-org/*" + evil[1] + evil[8],
			}},
		}},
	}
	b, _ := json.Marshal(doc)
	p := filepath.Join(t.TempDir(), "evil-role.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// evilKeyServer answers every request with a 500 whose body is evil.
func evilKeyServer(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, "upstream error "+strings.Join(evil[:8], " "))
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/jwks"
}

// TestTerminalSafety sends evil content through every way in (claims,
// header, kid, a key server's error body, a policy file) and every way out
// (the text report, the JSON report, the terminal UI at 80×24 in every
// view), and checks that none of it reaches the output raw and that the
// UI keeps to the terminal's size.
func TestTerminalSafety(t *testing.T) {
	t.Setenv("CLICOLOR_FORCE", "")
	tok := evilToken(t)
	policy := evilPolicy(t)
	jwks := evilKeyServer(t)

	for _, format := range [][]string{nil, {"--json"}} {
		for _, keys := range [][]string{{"--offline"}, {"--jwks", jwks}} {
			args := append([]string{"inspect", tok, "--at", "2026-01-01T00:01:00Z", "--policy", policy}, keys...)
			args = append(args, format...)
			code, out, errOut := runCLI(t, "", args...)
			name := strings.Join(append(keys, format...), " ")
			if code == 0 {
				t.Errorf("%s: exit 0 for a token whose policy cannot allow it", name)
			}
			if bad := unsafeRunes(out + errOut); len(bad) > 0 {
				t.Errorf("%s: raw unsafe characters reach the output: %v", name, firstN(bad, 5))
			}
			if strings.Contains(keys[0], "jwks") && !strings.Contains(out, `upstream error \x1b[2J`) && !strings.Contains(out, `upstream error \u001b[2J`) {
				t.Errorf("%s: the key server's error body is not quoted, escaped:\n%s", name, trimmed(out))
			}
		}
	}

	// The terminal UI, at 80×24, in every view, offline and with the evil
	// key server.
	for _, source := range []verify.Source{{Offline: true}, {JWKS: jwks}} {
		s, failures := inspect.NewSession(inspect.Options{At: fixtures.StaticNow(), Source: source,
			Providers: policyset.All(), LoadPolicies: loadPolicyFiles}).WithPolicyFiles(policy)
		if len(failures) > 0 {
			t.Fatalf("evil policy: %v", failures[0].Error)
		}
		m := tea.Model(ui.New(ui.Config{
			Session: s, Input: []byte(tok), Now: fixtures.StaticNow, StaticCursor: true,
			Renderer: lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii)),
		}))
		m = deliver(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m = runCmd(t, m, m.Init())
		var views []string
		press := func(ks ...string) {
			for _, k := range ks {
				m = deliver(t, m, teakey.Msg(k))
				views = append(views, m.View())
			}
		}
		views = append(views, m.View())
		// Every claim, and its detail scrolled to the end.
		for range 40 {
			press("enter", "G", "esc", "j")
		}
		press("2", "G", "3", "G", "4", "enter", "G", "esc", "5", "G", "?", "?")
		for i, v := range views {
			if bad := unsafeRunes(v); len(bad) > 0 {
				t.Fatalf("view %d: raw unsafe characters: %v\n%s", i, firstN(bad, 5), v)
			}
			lines := strings.Split(v, "\n")
			if len(lines) > 24 {
				t.Fatalf("view %d: %d lines on a 24-line terminal", i, len(lines))
			}
			for j, l := range lines {
				if w := lipgloss.Width(l); w > 80 {
					t.Fatalf("view %d line %d: %d columns on an 80-column terminal:\n%s", i, j+1, w, v)
				}
			}
		}
	}
}

func deliver(t *testing.T, m tea.Model, msg tea.Msg) tea.Model {
	t.Helper()
	next, cmd := m.Update(msg)
	return runCmd(t, next, cmd)
}

// runCmd runs what a message started, as the program would, leaving out
// timers (the clock and the cursor), which only redraw.
func runCmd(t *testing.T, m tea.Model, cmd tea.Cmd) tea.Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	// A guard against a command that never answers; the timers answer
	// within a second and are left out below. (Two seconds was too short
	// for a hostile token on a busy machine.)
	msg, ok := guard.Within(10*time.Second, cmd)
	if !ok {
		return m
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(t, m, c)
		}
		return m
	default:
		if fmt.Sprintf("%T", msg) == "ui.tickMsg" || strings.HasSuffix(fmt.Sprintf("%T", msg), "TickMsg") {
			return m
		}
		return deliver(t, m, msg)
	}
}

func firstN(s []string, n int) []string { return s[:min(n, len(s))] }

func trimmed(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
