package actions

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/actions/actionstest"
)

const (
	requestToken = actionstest.RequestToken
	idToken      = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
)

// endpoint starts a stand-in token endpoint on loopback TLS, closed when
// the test ends.
func endpoint(t *testing.T, handler http.HandlerFunc) *actionstest.Endpoint {
	t.Helper()
	e := actionstest.Start(true, handler)
	t.Cleanup(e.Server.Close)
	return e
}

// fetch asks e for a token the way the runner's URL asks.
func fetch(e *actionstest.Endpoint, audience string) (string, error) {
	c := Client{HTTP: e.Server.Client(), Timeout: 2 * time.Second, Backoff: time.Millisecond}
	return c.IDToken(context.Background(), Runner{RequestURL: e.Server.URL + "/idtoken?api-version=2.0", RequestToken: requestToken}, audience)
}

func TestIDToken(t *testing.T) {
	var read string
	e := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
		read = r.URL.Query().Get("audience")
		fmt.Fprintf(w, `{"count":1234,"value":%q}`, idToken)
	})
	tok, err := fetch(e, "api://AzureADTokenExchange")
	if err != nil || tok != idToken {
		t.Fatalf("IDToken = %q, %v", tok, err)
	}
	want := actionstest.Request{Path: "/idtoken", RawQuery: "api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange", Authorization: "Bearer " + requestToken}
	if got := e.Requests(); len(got) != 1 || got[0] != want {
		t.Errorf("requests %+v, want %+v", got, want)
	}
	if read != "api://AzureADTokenExchange" {
		t.Errorf("the server read audience %q", read)
	}
}

func TestIDTokenFailures(t *testing.T) {
	huge := `{"value":"` + strings.Repeat("a", MaxResponse) + `"}`
	for _, tc := range []struct {
		name   string
		status int
		body   string
		want   error
		shown  []string // in the message
		calls  int32
	}{
		{"401", 401, `{"message":"Bearer ` + requestToken + ` is expired"}`, ErrStatus, []string{"HTTP 401 Unauthorized", "<request token> is expired"}, 1},
		{"403", 403, "Forbidden", ErrStatus, []string{"HTTP 403 Forbidden: Forbidden"}, 1},
		{"500, not retried", 500, "boom", ErrStatus, []string{"HTTP 500 Internal Server Error: boom"}, 1},
		{"503, retried twice", 503, "", ErrStatus, []string{"HTTP 503 Service Unavailable"}, 3},
		{"HTML, not JSON", 200, "<html>proxy login</html>", ErrNotJSON, []string{"not a JSON object", "Content-Type text/html; charset=utf-8: <html>proxy login</html>"}, 1},
		{"a bare token, not JSON", 200, idToken, ErrNotJSON, []string{"<redacted>"}, 1},
		{"an empty body", 200, "", ErrNotJSON, []string{"empty"}, 1},
		{"a JSON array", 200, `["` + idToken + `"]`, ErrNotJSON, []string{"<redacted>"}, 1},
		{"no value", 200, `{"count":1,"token":"` + idToken + `"}`, ErrNoValue, []string{`members: "count", "token"`}, 1},
		{"value not a string", 200, `{"value":12}`, ErrNoValue, []string{"not a string"}, 1},
		{"value empty", 200, `{"value":" "}`, ErrNoValue, []string{"empty"}, 1},
		{"too large", 200, huge, ErrTooLarge, []string{"over 64 KiB"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(tc.body, "<html>") {
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
				}
				w.WriteHeader(tc.status)
				fmt.Fprint(w, tc.body)
			})
			tok, err := fetch(e, "sts.amazonaws.com")
			if !errors.Is(err, tc.want) || tok != "" {
				t.Fatalf("IDToken = %q, %v; want %v", tok, err, tc.want)
			}
			msg := err.Error()
			for _, s := range tc.shown {
				if !strings.Contains(msg, s) {
					t.Errorf("%q does not contain %q", msg, s)
				}
			}
			for _, secret := range []string{requestToken, idToken, "c2lnbmF0dXJl"} {
				if strings.Contains(msg, secret) {
					t.Errorf("the message shows a credential: %q", msg)
				}
			}
			if n := int32(len(e.Requests())); n != tc.calls {
				t.Errorf("%d requests, want %d", n, tc.calls)
			}
			var se *StatusError
			if errors.As(err, &se) != (tc.want == ErrStatus) || se != nil && se.Code != tc.status {
				t.Errorf("StatusError = %+v", se)
			}
		})
	}
}

func TestIDTokenRetryRecovers(t *testing.T) {
	var n atomic.Int32
	e := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, `{"value":%q}`, idToken)
	})
	if tok, err := fetch(e, ""); err != nil || tok != idToken {
		t.Fatalf("IDToken = %q, %v", tok, err)
	}
}

func TestIDTokenTimeout(t *testing.T) {
	// The endpoint never answers while the test runs: returning when the
	// request's context ends would, on a loaded machine, let an empty 200
	// reach a later attempt instead of the deadline under test.
	release := make(chan struct{})
	e := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
	})
	t.Cleanup(func() { close(release) }) // before the server closes: cleanups run last first
	c := Client{HTTP: e.Server.Client(), Timeout: 50 * time.Millisecond, Backoff: time.Millisecond}
	start := time.Now()
	_, err := c.IDToken(context.Background(), Runner{RequestURL: e.Server.URL, RequestToken: requestToken}, "a")
	if !errors.Is(err, ErrRequest) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want ErrRequest and a deadline", err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	if strings.Contains(err.Error(), requestToken) {
		t.Errorf("the message shows the request token: %v", err)
	}
}

// TestIDTokenRedirects: a redirect on the endpoint's own host keeps the
// bearer credential; one to another host never gets it; one to another
// loopback port is not followed at all (issue 13), and one to clear-text
// http off loopback is refused.
func TestIDTokenRedirects(t *testing.T) {
	other := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprintf(w, `{"value":%q}`, idToken)
	})
	e := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			http.Redirect(w, r, "/final?"+r.URL.RawQuery, http.StatusFound)
		case "/final":
			if r.Header.Get("Authorization") != "Bearer "+requestToken {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			fmt.Fprintf(w, `{"value":%q}`, idToken)
		case "/other":
			// Same host name (127.0.0.1), another port: Go's client
			// would keep the header, and loopback is reached only at the
			// endpoint's own port.
			http.Redirect(w, r, other.Server.URL+"/x", http.StatusFound)
		case "/plain":
			http.Redirect(w, r, "http://pipelines.example/x", http.StatusFound)
		}
	})
	c := Client{HTTP: e.Server.Client(), Backoff: time.Millisecond}
	get := func(path string) (string, error) {
		return c.IDToken(context.Background(), Runner{RequestURL: e.Server.URL + path, RequestToken: requestToken}, "a")
	}
	if tok, err := get("/same"); err != nil || tok != idToken {
		t.Errorf("same-host redirect: %q, %v", tok, err)
	}
	if _, err := get("/other"); !errors.Is(err, ErrRedirect) {
		t.Errorf("redirect to another loopback port: %v, want ErrRedirect", err)
	}
	if got := other.Requests(); len(got) != 0 {
		t.Errorf("the other loopback port got %+v, want no request", got)
	}
	// Another host off this machine is reached, without the credential.
	n := &redirectingNetwork{target: "https://other.example/x"}
	nc := Client{HTTP: &http.Client{Transport: n}, Backoff: time.Millisecond}
	if _, err := nc.IDToken(context.Background(), Runner{RequestURL: "https://pipelines.example/idtoken", RequestToken: requestToken}, "a"); err != nil {
		t.Errorf("cross-host redirect: %v", err)
	}
	if len(n.seen) != 2 || n.seen[0].Header.Get("Authorization") != "Bearer "+requestToken || n.seen[1].Header.Get("Authorization") != "" {
		t.Errorf("cross-host redirect: %d requests; want the endpoint's with the credential, then the other host's without", len(n.seen))
	}
	if _, err := get("/plain"); !errors.Is(err, ErrRedirect) || !errors.Is(err, ErrEndpointURL) {
		t.Errorf("redirect to http: %v, want ErrRedirect", err)
	}
	if n := len(e.Requests()); n != 4 {
		t.Errorf("%d requests to the endpoint, want 4: /same, /final, /other, /plain once (a refused redirect is not retried)", n)
	}
}
