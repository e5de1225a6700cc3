package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// TestTokenAfterTheDemoIsVerifiedNormally: after --demo, n and a real
// GitHub token are verified as without --demo (discovery for GitHub's
// issuer, no demo audience), with the demo's sample policies kept, and
// the title no longer says demo (issue 16, item 1).
func TestTokenAfterTheDemoIsVerifiedNormally(t *testing.T) {
	beacon := repoFile(t, "testdata/github/sigstore-beacon.jwt")
	inside := time.Date(2026, 6, 13, 19, 1, 30, 0, time.UTC) // the beacon's lifetime
	clock := func() time.Time { return inside }
	normal := withProviders(inspect.Options{Now: clock,
		Source: verify.Source{Fetcher: verify.Fetcher{Client: githubOnLoopback(t)}}})
	demo := demoOptions(t)
	demo.At = time.Time{}
	demo.Now = clock
	// As the command line gives it: the samples are added in the
	// background.
	demoSession := inspect.NewSession(demo)
	sampled := demoSession.WithPolicies(demoPolicySet(t))
	tok, err := fixtures.Sign(fixtures.DefaultDemo, inside)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := testConfig(inspect.NewSession(normal), []byte(tok))
	cfg.DemoSession = func() (inspect.Session, error) { return demoSession, nil }
	cfg.DemoSamples = func(inspect.Session) inspect.Session { return sampled }
	cfg.InputDemo, cfg.Now = true, clock
	cfg.DemoToken = func(now time.Time) ([]byte, error) {
		tok, err := fixtures.Sign(fixtures.DefaultDemo, now)
		return []byte(tok), err
	}
	m := start(t, cfg, 160, 40)
	status := func(m Model) string { return strings.SplitN(m.View(), "\n", 2)[0] }
	contains(t, status(m), "oidcscope · demo · ✓ valid RS256")
	samples := m.session.PolicyCount()
	if samples == 0 {
		t.Fatal("the demo has no sample policies")
	}

	m = keys(t, m, "n")
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(beacon)), Paste: true})
	m = keys(t, m, "enter")
	if m.report == nil || m.report.Token == nil {
		t.Fatal("the pasted token was not inspected")
	}
	if got := m.report.Verify.Signature.Status; got != verify.StatusValid {
		t.Errorf("the real token's signature is %s (%s), want valid with GitHub's keys", got, m.report.Verify.Signature.Reason)
	}
	line := status(m)
	for _, bad := range []string{"demo", "invalid", "fail aud"} {
		if strings.Contains(line, bad) {
			t.Errorf("status line says %q:\n%s", bad, line)
		}
	}
	contains(t, line, "✓ valid RS256")
	for _, n := range m.report.Notes {
		if strings.Contains(n, "demo") {
			t.Errorf("a demo note stayed: %s", n)
		}
	}
	if got := m.session.PolicyCount(); got != samples {
		t.Errorf("%d policies after the demo, want its %d samples", got, samples)
	}
	if len(m.report.Policies) != samples {
		t.Errorf("the real token was evaluated against %d policies, want %d", len(m.report.Policies), samples)
	}

	// ctrl+d on the paste screen is the demo again, titled so.
	m = keys(t, m, "n", "ctrl+d")
	contains(t, status(m), "oidcscope · demo · ✓ valid RS256")
}
