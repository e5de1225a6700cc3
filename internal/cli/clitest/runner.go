// Package clitest is a stand-in for the GitHub Actions runner's token
// endpoint that mints real demo-signed tokens, for the tests of the
// command layer and of the binary (testscripts).
package clitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/oidcscope/oidcscope/actions/actionstest"
	"github.com/oidcscope/oidcscope/fixtures"
)

// RequestToken stands in for ACTIONS_ID_TOKEN_REQUEST_TOKEN.
const RequestToken = actionstest.RequestToken

// Runner is the runner's token endpoint as fetch meets it: like the real
// one it answers GET …&audience=AUD, with the bearer credential, with
// {"count":…,"value":TOKEN}: here a token of a fixture claim set signed
// just now with the demo key, whose aud is the audience asked for
// (GitHub's default, the owner's URL, when none).
type Runner struct {
	*actionstest.Endpoint
	claimSet string
	// Respond, when set, answers instead (error statuses, bad bodies).
	Respond func(w http.ResponseWriter, r *http.Request)

	mu     sync.Mutex
	issued []string
}

// NewRunner starts a stand-in handing out tokens of claimSet, over TLS or
// plain loopback http; the caller closes r.Server.
func NewRunner(claimSet string, tls bool) *Runner {
	r := &Runner{claimSet: claimSet}
	r.Endpoint = actionstest.Start(tls, r.serve)
	return r
}

func (r *Runner) serve(w http.ResponseWriter, req *http.Request) {
	if r.Respond != nil {
		r.Respond(w, req)
		return
	}
	if req.Header.Get("Authorization") != "Bearer "+RequestToken {
		http.Error(w, "bad credentials", http.StatusUnauthorized)
		return
	}
	aud := req.URL.Query().Get("audience")
	if aud == "" {
		aud = "https://github.com/octo-org"
	}
	tok, err := MintToken(r.claimSet, aud, time.Now())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	r.mu.Lock()
	r.issued = append(r.issued, tok)
	r.mu.Unlock()
	fmt.Fprintf(w, `{"count":%d,"value":%q}`, len(tok), tok)
}

// Seen returns the requests so far and the tokens handed out.
func (r *Runner) Seen() ([]actionstest.Request, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.Requests(), append([]string(nil), r.issued...)
}

// MintToken signs claim set name with aud, valid from now.
func MintToken(name, aud string, now time.Time) (string, error) {
	raw, err := fixtures.ClaimSet(name)
	if err != nil {
		return "", err
	}
	var claims map[string]any
	if err := json.Unmarshal(raw, &claims); err != nil {
		return "", err
	}
	claims["aud"] = aud
	payload, err := json.Marshal(claims) // keys sorted, as GitHub's are
	if err != nil {
		return "", err
	}
	if payload, err = fixtures.SetTimes(payload, now); err != nil {
		return "", err
	}
	return fixtures.SignPayload(payload, nil)
}
