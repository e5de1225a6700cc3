package actions

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/actions/actionstest"
)

// Redirects from the runner's token endpoint (issue 13): never to another
// loopback host or port than the endpoint's own, and never with a Referer
// (the endpoint URL names the job's plan).

// countConns starts a loopback TLS server that answers a token and counts
// every connection made to it.
func countConns(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"value":%q}`, idToken)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			n.Add(1)
		}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestIDTokenRedirectStaysOnLoopbackEndpoint(t *testing.T) {
	other, conns := countConns(t)
	port := other.URL[strings.LastIndexByte(other.URL, ':')+1:]
	for _, tc := range []struct {
		name string
		tls  bool // the endpoint
		to   string
	}{
		{"https endpoint to another loopback port", true, other.URL + "/x"},
		{"https endpoint to localhost on another port", true, "https://localhost:" + port + "/x"},
		{"http endpoint to another loopback port", false, other.URL + "/x"},
		{"http endpoint to http://127.0.0.1 on another port", false, "http://127.0.0.1:" + port + "/x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := actionstest.Start(tc.tls, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tc.to, http.StatusFound)
			})
			t.Cleanup(e.Server.Close)
			c := Client{HTTP: e.Server.Client(), Timeout: 2 * time.Second, Backoff: time.Millisecond}
			tok, err := c.IDToken(context.Background(), Runner{RequestURL: e.RequestURL(), RequestToken: requestToken}, "a")
			if n := conns.Swap(0); n != 0 {
				t.Errorf("%d connection(s) reached the other loopback server; none may", n)
			}
			if !errors.Is(err, ErrRedirect) || tok != "" {
				t.Errorf("IDToken = %q, %v; want ErrRedirect", tok, err)
			}
		})
	}
}

// redirectingNetwork answers every request to pipelines.example with a
// redirect to target and records every request it sees.
type redirectingNetwork struct {
	target string
	mu     sync.Mutex
	seen   []*http.Request
}

func (n *redirectingNetwork) RoundTrip(r *http.Request) (*http.Response, error) {
	n.mu.Lock()
	n.seen = append(n.seen, r)
	n.mu.Unlock()
	h := http.Header{}
	status := http.StatusOK
	body := fmt.Sprintf(`{"value":%q}`, idToken)
	if r.URL.Hostname() == "pipelines.example" {
		status, body = http.StatusFound, ""
		h.Set("Location", n.target)
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: h, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// TestIDTokenNoRedirectToLoopback: a real endpoint never sends the request
// to this machine.
func TestIDTokenNoRedirectToLoopback(t *testing.T) {
	for _, target := range []string{"http://127.0.0.1:9001/admin/flush?all=1", "https://localhost/x", "https://[::1]:8443/x"} {
		n := &redirectingNetwork{target: target}
		c := Client{HTTP: &http.Client{Transport: n}, Backoff: time.Millisecond}
		_, err := c.IDToken(context.Background(), Runner{RequestURL: "https://pipelines.example/idtoken?api-version=2.0", RequestToken: requestToken}, "a")
		if !errors.Is(err, ErrRedirect) {
			t.Errorf("redirect to %s: %v, want ErrRedirect", target, err)
		}
		for _, r := range n.seen {
			if r.URL.Hostname() != "pipelines.example" {
				t.Errorf("redirect to %s: a request reached %s", target, r.URL.Redacted())
			}
		}
	}
}

// TestIDTokenSendsNoReferer: neither a hop on the endpoint's own host nor
// one to another host learns the endpoint URL from a Referer header.
func TestIDTokenSendsNoReferer(t *testing.T) {
	var mu sync.Mutex
	var referers []string
	e := endpoint(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		referers = append(referers, r.Header.Get("Referer"))
		mu.Unlock()
		if r.URL.Path != "/final" {
			http.Redirect(w, r, "/final", http.StatusFound)
			return
		}
		fmt.Fprintf(w, `{"value":%q}`, idToken)
	})
	if tok, err := fetch(e, "a"); err != nil || tok != idToken {
		t.Fatalf("IDToken = %q, %v", tok, err)
	}
	n := &redirectingNetwork{target: "https://other.example/x"}
	c := Client{HTTP: &http.Client{Transport: n}, Backoff: time.Millisecond}
	if _, err := c.IDToken(context.Background(), Runner{RequestURL: "https://pipelines.example/plans/p/jobs/j/idtoken?api-version=2.0", RequestToken: requestToken}, "a"); err != nil {
		t.Fatalf("IDToken through a redirect to another host: %v", err)
	}
	for _, r := range n.seen {
		referers = append(referers, r.Header.Get("Referer"))
	}
	mu.Lock()
	defer mu.Unlock()
	if len(referers) != 4 {
		t.Fatalf("%d requests, want 4 (two redirects and their targets)", len(referers))
	}
	for i, ref := range referers {
		if ref != "" {
			t.Errorf("request %d carried Referer %q; want none", i+1, ref)
		}
	}
}
