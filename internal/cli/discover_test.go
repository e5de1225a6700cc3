package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// TestDiscoverTypedLoopbackIssuer: a local test issuer on loopback is
// discovered when the user types it (--discover --issuer URL), and only
// then: the same token with --discover alone names its issuer itself, and a
// token never chooses to reach this machine.
func TestDiscoverTypedLoopbackIssuer(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		json.NewEncoder(w).Encode(map[string]string{"issuer": srv.URL, "jwks_uri": srv.URL + "/jwks"})
	})
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write(fixtures.DemoJWKS())
	})
	payload, _ := json.Marshal(map[string]any{"iss": srv.URL, "sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "aud": "test", "iat": 1700000000, "exp": 1700000300})
	tok, err := fixtures.SignPayload(payload, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := "2023-11-14T22:15:00Z"

	code, out, errOut := runCLI(t, "", "inspect", tok, "--discover", "--issuer", srv.URL, "--at", at)
	if code != 0 || !strings.Contains(out, "✓ valid") || hits.Load() != 2 {
		t.Fatalf("--discover --issuer %s: exit %d, %d requests; want ✓ valid after 2 requests\n%s%s", srv.URL, code, hits.Load(), out, errOut)
	}

	hits.Store(0)
	_, out, errOut = runCLI(t, "", "inspect", tok, "--discover", "--at", at)
	if strings.Contains(out, "✓ valid") || hits.Load() != 0 {
		t.Fatalf("--discover without --issuer: %d requests reached the loopback issuer the token names\n%s%s", hits.Load(), out, errOut)
	}
}
