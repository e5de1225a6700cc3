package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/actions/actionstest"
	"github.com/oidcscope/oidcscope/fixtures"
)

// runnerRequestToken stands in for ACTIONS_ID_TOKEN_REQUEST_TOKEN.
const runnerRequestToken = actionstest.RequestToken

// runnerStandIn is the runner's token endpoint as fetch meets it: like the
// real one it answers GET …&audience=AUD, with the bearer credential, with
// {"count":…,"value":TOKEN}: here a token of a fixture claim set signed
// just now with the demo key, whose aud is the audience asked for
// (GitHub's default, the owner's URL, when none).
type runnerStandIn struct {
	*actionstest.Endpoint
	claimSet string
	// respond, when set, answers instead (error statuses, bad bodies).
	respond func(w http.ResponseWriter, r *http.Request)

	mu     sync.Mutex
	issued []string
}

func newRunnerStandIn(claimSet string, tls bool) *runnerStandIn {
	r := &runnerStandIn{claimSet: claimSet}
	r.Endpoint = actionstest.Start(tls, r.serve)
	return r
}

// startRunner starts a TLS stand-in closed when the test ends.
func startRunner(t *testing.T, claimSet string) *runnerStandIn {
	t.Helper()
	r := newRunnerStandIn(claimSet, true)
	t.Cleanup(r.Server.Close)
	return r
}

func (r *runnerStandIn) serve(w http.ResponseWriter, req *http.Request) {
	if r.respond != nil {
		r.respond(w, req)
		return
	}
	if req.Header.Get("Authorization") != "Bearer "+runnerRequestToken {
		http.Error(w, "bad credentials", http.StatusUnauthorized)
		return
	}
	aud := req.URL.Query().Get("audience")
	if aud == "" {
		aud = "https://github.com/octo-org"
	}
	tok, err := mintToken(r.claimSet, aud, time.Now())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	r.mu.Lock()
	r.issued = append(r.issued, tok)
	r.mu.Unlock()
	fmt.Fprintf(w, `{"count":%d,"value":%q}`, len(tok), tok)
}

// seen returns the requests so far and the tokens handed out.
func (r *runnerStandIn) seen() ([]actionstest.Request, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.Requests(), append([]string(nil), r.issued...)
}

// mintToken signs claim set name with aud, valid from now.
func mintToken(name, aud string, now time.Time) (string, error) {
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

// jobEnv is a job's environment with the stand-in as its token endpoint,
// plus extra variables; a value of "" unsets one.
func (r *runnerStandIn) jobEnv(extra map[string]string) env {
	vars := map[string]string{
		actions.EnvActions:      "true",
		actions.EnvRequestURL:   r.RequestURL(),
		actions.EnvRequestToken: runnerRequestToken,
	}
	for k, v := range extra {
		vars[k] = v
	}
	return func(k string) string { return vars[k] }
}

// fetchIn runs fetch against the stand-in, which the client trusts.
func (r *runnerStandIn) fetchIn(getenv env, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	c := fetchCommand{client: actions.Client{HTTP: r.Server.Client(), Backoff: time.Millisecond}}
	code := c.run(args, strings.NewReader(""), &stdout, &stderr, getenv)
	return code, stdout.String(), stderr.String()
}
