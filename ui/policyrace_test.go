package ui

import (
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
)

// demoMaxSize marks the demo's session in these tests: the user's has
// the default size limit.
const demoMaxSize = 123457

// TestPolicyFileLandsInTheSessionShownNow: a policy file whose read
// started in one session and ends after the inspector moved to another
// (the demo opened, or a pasted token left it) is loaded into the one
// shown now; it never brings the old session back, whose keys, checks
// and audience would then judge the token shown.
func TestPolicyFileLandsInTheSessionShownNow(t *testing.T) {
	policyFile := filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json")
	for _, tc := range []struct {
		name     string
		moveTo   func(t *testing.T, m Model) Model
		wantDemo bool
		wantSize int
	}{
		{name: "the demo opened", wantDemo: true, wantSize: demoMaxSize, moveTo: func(t *testing.T, m Model) Model {
			return keys(t, m, "n", "ctrl+d")
		}},
		{name: "a token pasted after the demo", wantDemo: false, wantSize: inspect.NewSession(demoOptions(t)).MaxSize(), moveTo: func(t *testing.T, m Model) Model {
			return send(t, keys(t, m, "n"), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(demoToken(t))), Paste: true})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			user := inspect.NewSession(demoOptions(t))
			demoOpts := demoOptions(t)
			demoOpts.MaxSize = demoMaxSize
			cfg, _ := testConfig(user, demoToken(t))
			cfg.DemoSession = func() (inspect.Session, error) { return inspect.NewSession(demoOpts), nil }
			if tc.wantDemo {
				cfg.Input, cfg.InputDemo = demoToken(t), false
			} else {
				cfg.InputDemo = true // starts in the demo; the paste leaves it
			}
			m := start(t, cfg, 120, 40)
			m = keys(t, m, "p")
			m = typeText(t, m, policyFile)
			next, load := m.Update(teakey.Msg("enter"))
			m = next.(Model)
			m = tc.moveTo(t, m)
			if !tc.wantDemo {
				m = send(t, m, teakey.Msg("enter"))
			}
			m = run(t, m, load) // the read lands now
			if m.demo != tc.wantDemo || m.session.MaxSize() != tc.wantSize {
				t.Errorf("after the file landed: demo %v, session's size limit %d; want demo %v, %d (the session shown when the file landed)",
					m.demo, m.session.MaxSize(), tc.wantDemo, tc.wantSize)
			}
			if got := m.session.PolicyCount(); got != 1 || m.report == nil || len(m.report.Policies) != 1 {
				t.Errorf("after the file landed: %d policies in the session, report %v; want the file's one, evaluated", got, m.report != nil)
			}
		})
	}
}

// TestPolicyFileDuringTheSamplesRead: a file that lands while the demo's
// sample policies are read waits for them, then joins them in the demo's
// session; the samples' session, which lacks it, does not drop it.
func TestPolicyFileDuringTheSamplesRead(t *testing.T) {
	// Not one of the samples: a file loaded again replaces its copy.
	policyFile := filepath.Join("..", "fixtures", "policies", "aws", "trust-deny-pull-requests.json")
	cfg, _ := samplesConfig(t, nil)
	cfg.Input = demoToken(t) // the user's token first; the demo opens from the paste screen
	cfg.DemoSamples = func(s inspect.Session) inspect.Session { return s.WithPolicies(demoPolicySet(t)) }
	m := start(t, cfg, 120, 40)
	m = keys(t, m, "p")
	m = typeText(t, m, policyFile)
	next, load := m.Update(teakey.Msg("enter"))
	m = keys(t, next.(Model), "n")
	next, cmd := m.Update(teakey.Msg("ctrl+d"))
	m, _, samples := demoReadStarted(t, next.(Model), cmd)
	m = run(t, m, load) // the file lands during the read
	m = send(t, m, samples)
	want := demoPolicySet(t).Len() + 1
	if got := m.session.PolicyCount(); !m.demo || got != want || len(m.report.Policies) != want {
		t.Errorf("demo %v, %d policies in the session, %d evaluated; want the demo with the %d samples and the file's one",
			m.demo, got, len(m.report.Policies), want-1)
	}
}
