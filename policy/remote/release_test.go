package remote

import (
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/policy"
)

// overPipes serves stub, as provider "stub", over in-memory pipes: the
// helper's state, the connection, and the provider that asks it.
func overPipes(stub policy.Provider) (*server, *Conn, *Provider, error) {
	s := &server{providers: map[string]policy.Provider{"stub": stub}, version: "v"}
	reqR, reqW := io.Pipe()
	respR, respW := io.Pipe()
	go func() { _ = serveWith(s, reqR, respW) }()
	conn, err := NewConn(respR, reqW, reqW, "v")
	if err != nil {
		return nil, nil, nil, err
	}
	p := &Provider{id: "stub", local: Local{Mentions: func([]byte) bool { return true }}, dial: func() (*Conn, error) { return conn, nil }}
	return s, conn, p, nil
}

// stubProvider parses every document into two policies.
type stubProvider struct{}

func (stubProvider) ID() string                             { return "stub" }
func (stubProvider) Detect([]byte) bool                     { return true }
func (stubProvider) Snippets(policy.Token) []policy.Snippet { return nil }
func (stubProvider) Suggest(policy.Token, policy.Scope) (policy.Suggestion, error) {
	return policy.Suggestion{}, nil
}
func (stubProvider) Parse(source string, _ []byte) ([]policy.Policy, error) {
	return []policy.Policy{stubPolicy(source + "#1"), stubPolicy(source + "#2")}, nil
}

type stubPolicy string

func (p stubPolicy) Provider() string { return "stub" }
func (p stubPolicy) Source() string   { return string(p) }
func (p stubPolicy) Name() string     { return string(p) }
func (p stubPolicy) Evaluate(policy.Token) policy.Result {
	return policy.Result{Source: string(p), Name: string(p), Provider: "stub", Verdict: policy.Allow}
}

// TestDroppedPoliciesAreReleased: policies oidcscope no longer holds are
// dropped by the helper too, with the next call, so a long terminal
// session that loads documents again and again does not keep them all.
func TestDroppedPoliciesAreReleased(t *testing.T) {
	s, conn, p, err := overPipes(stubProvider{})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	kept, err := p.Parse("kept.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Parse("dropped.json", nil); err != nil { // dropped at once
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		if pending(conn) == 2 || time.Now().After(deadline) { // cleanups run after a collection
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !p.Detect(nil) { // any call carries the releases
		t.Fatal("Detect")
	}
	live := 0
	for _, pol := range s.policies {
		if pol != nil {
			live++
		}
	}
	if live != 2 || s.policies[2] != nil || s.policies[3] != nil {
		t.Errorf("the helper holds %d policies (%v), want the two kept", live, s.policies)
	}
	if got := policy.SafeEvaluate(kept[1], policy.Token{}); got.Verdict != policy.Allow {
		t.Errorf("a kept policy: %s %s", got.Verdict, got.Error)
	}
	runtime.KeepAlive(kept)
}

func pending(c *Conn) int {
	c.relMu.Lock()
	defer c.relMu.Unlock()
	return len(c.released)
}
