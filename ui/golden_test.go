package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/verify"
)

// maliciousPayload carries everything a token can throw at a terminal:
// OSC 52 (clipboard), a screen clear, C1 CSI, bidi overrides, a zero-width
// joiner, a carriage return, and 10,000 characters without a space.
var maliciousPayload = `{"iss":"https://token.actions.githubusercontent.com","sub":"repo:octo-org/octo-repo:ref:refs/heads/main","osc52":"\u001b]52;c;ZXZpbA==\u0007","clear":"\u001b[2J\u001b[H","c1":"\u009b31m","bidi":"admin\u202etxt.exe","zwj":"a\u200db","cr":"safe\rEVIL","long":"` + strings.Repeat("x", 10000) + `","exp":1767229200}`

type goldenCase struct {
	name    string
	session func(t *testing.T) inspect.Session
	input   func(t *testing.T) []byte // nil: the paste screen
	// steps drive the program once its first screen shows wantFirst.
	steps     func(tm *teatest.TestModel)
	wantFirst string
	wantLast  string
}

func goldenCases() []goldenCase {
	demoToken := func(t *testing.T) []byte {
		tok, err := fixtures.Sign(fixtures.DefaultDemo, fixedNow())
		if err != nil {
			t.Fatal(err)
		}
		return []byte(tok)
	}
	demo := func(t *testing.T) inspect.Session {
		return inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	}
	typ := func(tm *teatest.TestModel, s string) {
		for _, r := range s {
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	selectClaim := func(tm *teatest.TestModel, name string) {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}})
		typ(tm, name)
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	}
	return []goldenCase{
		{
			name:    "paste",
			session: func(t *testing.T) inspect.Session { return inspect.NewSession(demoOptions(t)) },
			steps: func(tm *teatest.TestModel) {
				tok, _ := fixtures.Sign(fixtures.DefaultDemo, fixedNow())
				tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Bearer " + tok), Paste: true})
			},
			wantFirst: "waiting for a token",
			wantLast:  "JWS, 3 segments",
		},
		{
			name: "demo-check-run-id", session: demo, input: demoToken,
			steps:     func(tm *teatest.TestModel) { selectClaim(tm, "check_run_id") },
			wantFirst: "actor", wantLast: "/check_run_id",
		},
		{
			name: "sub-failing-aws",
			session: func(t *testing.T) inspect.Session {
				s, failures := inspect.NewSession(demoOptions(t)).WithPolicyFiles("../fixtures/policies/aws/trust-environment-prod.json")
				if len(failures) > 0 {
					t.Fatal(failures)
				}
				return s
			},
			input: demoToken,
			steps: func(tm *teatest.TestModel) {
				selectClaim(tm, "sub")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wantFirst: "actor", wantLast: "✗ fail",
		},
		{
			name: "expired",
			session: func(t *testing.T) inspect.Session {
				o := demoOptions(t)
				o.At = fixedNow().Add(time.Hour)
				return inspect.NewSession(o)
			},
			input:     demoToken,
			steps:     func(tm *teatest.TestModel) { tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'3'}}) },
			wantFirst: "expired", wantLast: "Checks",
		},
		{
			name: "unverified",
			session: func(t *testing.T) inspect.Session {
				return inspect.NewSession(withProviders(inspect.Options{At: fixedNow(), Source: verify.Source{Offline: true}}))
			},
			input:     demoToken,
			steps:     func(tm *teatest.TestModel) { tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'3'}}) },
			wantFirst: "unverified", wantLast: "Checks",
		},
		{
			name: "malicious",
			session: func(t *testing.T) inspect.Session {
				return inspect.NewSession(demoOptions(t))
			},
			input: func(t *testing.T) []byte { return policytest.SignedDemo(t, maliciousPayload, "") },
			// Down to osc52, the first claim the catalog does not know.
			steps: func(tm *teatest.TestModel) {
				tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}})
				tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}})
			},
			wantFirst: "osc52", wantLast: "▸ osc52",
		},
		{
			name: "help", session: demo, input: demoToken,
			steps:     func(tm *teatest.TestModel) { tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'?'}}) },
			wantFirst: "actor", wantLast: "esc closes the help",
		},
	}
}

// TestGolden runs each scenario as a real Bubble Tea program at 80×24 and
// 140×40 and compares the final screen with testdata (go test ./ui -update
// rewrites them).
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases() {
		for _, size := range [][2]int{{80, 24}, {140, 40}} {
			t.Run(fmt.Sprintf("%s-%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				var input []byte
				if tc.input != nil {
					input = tc.input(t)
				}
				m := New(Config{
					Session: tc.session(t), Input: input, Renderer: asciiRenderer(), Now: fixedNow,
					Getenv: func(string) string { return "" }, StaticCursor: true,
					DemoToken: func(time.Time) ([]byte, error) { return nil, nil },
				})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, tc.wantFirst)
				tc.steps(tm)
				waitFor(t, tm, tc.wantLast)
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
				view := final.View()
				assertSafe(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// waitFor reads the program's output until the model's view shows want.
func waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), want)
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// assertSafe: no control character from a token reaches the screen, and
// the view fits the terminal.
func assertSafe(t *testing.T, view string, w, h int) {
	t.Helper()
	for _, r := range view {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || r == '\u202e' || r == '\u200d' {
			t.Errorf("control or invisible character %U on screen", r)
		}
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines for a %d-line terminal", len(lines), h)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("line %d is %d wide, more than %d", i+1, n, w)
		}
	}
}
