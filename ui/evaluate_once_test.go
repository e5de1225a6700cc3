package ui

import (
	"sync/atomic"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// countingPolicy counts its evaluations and allows everything.
type countingPolicy struct{ calls *atomic.Int32 }

func (countingPolicy) Provider() string { return "aws" }
func (countingPolicy) Source() string   { return "counting.json" }
func (countingPolicy) Name() string     { return "counting" }
func (p countingPolicy) Evaluate(policy.Token) policy.Result {
	p.calls.Add(1)
	return policy.Result{Provider: "aws", Source: "counting.json", Name: "counting", Verdict: policy.Allow,
		Conditions: []policy.Condition{}, Lint: []policy.Finding{}}
}

// TestKeysArrivingReverifyWithoutReevaluating: the offline pass evaluates
// the policies; when the fetched keys arrive only verification (and what
// reads it) is redone, so each policy is evaluated once per token, and
// once more for each r (re-fetch keys) would be one too many.
func TestKeysArrivingReverifyWithoutReevaluating(t *testing.T) {
	var fetches, evaluations atomic.Int32
	opts := keyServerOptions(t, func() { fetches.Add(1) })
	m := typedDemo(t, inspect.NewSession(opts).WithPolicies(policyset.FromPolicies(countingPolicy{&evaluations})))

	next, cmd := m.Update(teakey.Msg("enter"))
	m = run(t, next.(Model), cmd)
	if fetches.Load() != 1 || m.fetching || m.report.Verify.Signature.Status != verify.StatusValid {
		t.Fatalf("after the fetch: %d fetches, fetching %v, signature %s", fetches.Load(), m.fetching, m.report.Verify.Signature.Status)
	}
	if n := evaluations.Load(); n != 1 {
		t.Errorf("the policy was evaluated %d times for one token, want once", n)
	}
	if len(m.report.Policies) != 1 || m.report.Policies[0].Verdict != policy.Allow {
		t.Fatalf("the verified report lost the policy's result: %+v", m.report.Policies)
	}

	next, cmd = m.Update(teakey.Msg("r"))
	m = run(t, next.(Model), cmd)
	if fetches.Load() != 2 {
		t.Fatalf("r fetched %d times, want once", fetches.Load()-1)
	}
	if n := evaluations.Load(); n != 1 {
		t.Errorf("r (re-fetch keys) evaluated the policy %d more times, want none", n-1)
	}
}
