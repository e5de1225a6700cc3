package ui

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestSignatureBadgesNeverConfused: in every colour profile, valid,
// invalid and unverified differ in symbol and word; with colour, also in
// colour; without (NO_COLOR, Ascii), no escape codes at all.
func TestSignatureBadgesNeverConfused(t *testing.T) {
	tok := demoToken(t)
	badRSA := append(tok[:len(tok)-4:len(tok)-4], "AAAA"...)
	cases := map[verify.Status]struct {
		session inspect.Session
		input   []byte
		word    string
	}{
		verify.StatusValid:      {inspect.NewSession(demoOptions(t)), tok, "✓ valid"},
		verify.StatusInvalid:    {inspect.NewSession(demoOptions(t)), badRSA, "✗ invalid"},
		verify.StatusUnverified: {inspect.NewSession(withProviders(inspect.Options{At: fixedNow(), Source: verify.Source{Offline: true}})), tok, "? unverified"},
	}
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		colours := map[string]verify.Status{}
		for status, tc := range cases {
			m, _ := newTestModel(t, tc.session, tc.input, 100, 30)
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(profile)
			m.st = NewStyles(r)
			if got := m.report.Verify.Signature.Status; got != status {
				t.Fatalf("fixture for %s verifies as %s", status, got)
			}
			badge := m.signatureBadge(false)
			if plain := sgr.ReplaceAllString(badge, ""); !strings.HasPrefix(plain, tc.word) {
				t.Errorf("profile %v: %s badge reads %q", profile, status, plain)
			}
			codes := strings.Join(sgr.FindAllString(badge, -1), "")
			if profile == termenv.Ascii {
				if codes != "" {
					t.Errorf("Ascii: %s badge has escape codes %q", status, codes)
				}
				continue
			}
			if other, dup := colours[codes]; dup {
				t.Errorf("profile %v: %s and %s are drawn alike (%q)", profile, status, other, codes)
			}
			colours[codes] = status
		}
	}
}
