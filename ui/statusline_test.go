package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestStatusLineTellsEveryFailure: the status line never reads "✓ valid
// … expires in" alone while a check fails, and says when the instant the
// checks were evaluated at is not now (--at) (issue 16, item 4).
func TestStatusLineTellsEveryFailure(t *testing.T) {
	tok := demoToken(t)
	at := fixedNow().Add(-175 * 24 * time.Hour)
	tests := []struct {
		name      string
		options   func(o *inspect.Options)
		want, not []string
	}{
		{"all pass", func(*inspect.Options) {}, []string{"✓ valid RS256", "expires in 5m"}, []string{"fail", "--at"}},
		{"aud fails", func(o *inspect.Options) { o.Audiences = []string{"api://AzureADTokenExchange"} },
			[]string{"✓ valid RS256", "✗ fail aud", "expires in 5m"}, []string{"--at"}},
		{"aud and iss fail", func(o *inspect.Options) {
			o.Audiences = []string{"api://AzureADTokenExchange"}
			o.Issuer = "https://example.com"
		}, []string{"✗ fail iss, aud"}, nil},
		{"--at in the past", func(o *inspect.Options) { o.At = at },
			[]string{"✗ fail nbf, iat", "at " + at.Format(time.RFC3339) + " (--at)"}, nil},
		{"--at an hour on", func(o *inspect.Options) { o.At = fixedNow().Add(time.Hour) },
			[]string{"✗ fail exp", "expired 55m ago", "at " + fixedNow().Add(time.Hour).Format(time.RFC3339) + " (--at)"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := demoOptions(t)
			tc.options(&o)
			m, _ := newTestModel(t, inspect.NewSession(o), tok, 200, 30)
			line := strings.SplitN(m.View(), "\n", 2)[0]
			for _, w := range tc.want {
				if !strings.Contains(line, w) {
					t.Errorf("status line lacks %q:\n%s", w, line)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(line, n) {
					t.Errorf("status line has %q:\n%s", n, line)
				}
			}
		})
	}
}
