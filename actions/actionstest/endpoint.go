// Package actionstest serves a stand-in for a GitHub Actions runner's OIDC
// token endpoint on loopback, for tests of the client and of the commands
// that use it. It records what each request carried, so a test can check
// the audience parameter and the bearer credential.
package actionstest

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"
)

// RequestToken stands in for ACTIONS_ID_TOKEN_REQUEST_TOKEN; tests check it
// never reaches any output.
const RequestToken = "runner-bearer-SECRET-do-not-print"

// Request is what one request to the endpoint carried.
type Request struct {
	Path, RawQuery, Authorization string
}

// Endpoint is the stand-in: handler answers every request.
type Endpoint struct {
	Server *httptest.Server

	mu       sync.Mutex
	requests []Request
}

// Start serves handler over TLS (the client must then be Server.Client())
// or, with tls false, plain http on loopback, which the token client allows
// only there. The caller closes Server.
func Start(tls bool, handler http.HandlerFunc) *Endpoint {
	e := &Endpoint{}
	e.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.requests = append(e.requests, Request{Path: r.URL.Path, RawQuery: r.URL.RawQuery, Authorization: r.Header.Get("Authorization")})
		e.mu.Unlock()
		handler(w, r)
	}))
	// A client that gives up mid-handshake (timeout tests) is expected.
	e.Server.Config.ErrorLog = log.New(io.Discard, "", 0)
	if tls {
		e.Server.StartTLS()
	} else {
		e.Server.Start()
	}
	return e
}

// RequestURL is what the runner puts in ACTIONS_ID_TOKEN_REQUEST_URL: a URL
// that already has a query.
func (e *Endpoint) RequestURL() string {
	return e.Server.URL + "/_apis/distributedtask/hubs/Actions/plans/p/jobs/j/idtoken?api-version=2.0"
}

// Requests returns the requests so far, in order.
func (e *Endpoint) Requests() []Request {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Request(nil), e.requests...)
}
