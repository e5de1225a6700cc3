package ui

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// TestRefetchSaysHowItEnded: r's "fetching keys again" gives way to the
// outcome once the fetch has ended, whether it found the keys or not.
func TestRefetchSaysHowItEnded(t *testing.T) {
	cases := []struct {
		name  string
		serve bool
		want  string
		isErr bool
	}{
		{"keys served", true, "signature ✓ valid", false},
		{"no keys", false, "could not fetch the keys", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !c.serve {
					http.Error(w, "down", http.StatusServiceUnavailable)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				w.Write(fixtures.DemoJWKS())
			}))
			t.Cleanup(srv.Close)
			s := inspect.NewSession(withProviders(inspect.Options{At: fixedNow(), Source: verify.Source{JWKS: srv.URL + "/jwks"}}))
			m, _ := newTestModel(t, s, demoToken(t), 100, 30)
			m = keys(t, m, "3", "r")
			if m.fetching {
				t.Fatal("still fetching after the fetch's answer")
			}
			if strings.Contains(m.flash, "fetching keys again") || !strings.Contains(m.flash, c.want) || m.flashError != c.isErr {
				t.Errorf("after r: status %q (error %v), want %q (error %v)", m.flash, m.flashError, c.want, c.isErr)
			}
		})
	}
}

// TestRefetchWhileEditingSpeaksOfTheToken: r during a what-if fetches
// the keys for the token's own signature; the status line says so and
// that the edited claims are not signed, never that they are valid.
func TestRefetchWhileEditingSpeaksOfTheToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(fixtures.DemoJWKS())
	}))
	t.Cleanup(srv.Close)
	s := inspect.NewSession(withProviders(inspect.Options{At: fixedNow(), Source: verify.Source{JWKS: srv.URL + "/jwks"}}))
	m, _ := newTestModel(t, s, demoToken(t), 100, 30)
	m = addClaim(t, m, "environment", "prod") // the claims shown are edited
	if !m.editing() {
		t.Fatal("no edit made")
	}
	m = keys(t, m, "3", "r")
	if !strings.Contains(m.flash, "the token's own signature ✓ valid") || !strings.Contains(m.flash, "not signed") {
		t.Errorf("after r while editing: status %q; want the token's own signature and that the edited claims are not signed", m.flash)
	}
}
