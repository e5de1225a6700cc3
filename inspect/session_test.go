package inspect_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

func TestPreviewInput(t *testing.T) {
	push := staticToken(t, "push-main")
	cases := []struct {
		name      string
		in        []byte
		kind      decode.TokenKind
		segments  int
		issuer    string
		stripped  string
		problem   error
		wantEmpty bool
	}{
		{name: "empty", in: []byte(" \n\t"), wantEmpty: true},
		{name: "token", in: push, kind: decode.KindJWS, segments: 3, issuer: gitHubIssuer},
		{name: "bearer", in: append([]byte("Bearer "), push...), kind: decode.KindJWS, segments: 3, issuer: gitHubIssuer, stripped: "bearer-prefix"},
		{name: "garbage", in: []byte("hello world"), problem: decode.ErrNoToken},
		{name: "bad payload", in: []byte("eyJhbGciOiJIUzI1NiJ9.eyJhYmM.c2ln"), kind: decode.KindJWS, segments: 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := inspect.PreviewInput(tc.in, decode.Limits{})
			if p.Empty != tc.wantEmpty || p.Kind != tc.kind || p.Segments != tc.segments || p.Issuer != tc.issuer {
				t.Errorf("got empty %v kind %q segments %d issuer %q", p.Empty, p.Kind, p.Segments, p.Issuer)
			}
			if p.Bytes != len(tc.in) {
				t.Errorf("bytes %d, want %d", p.Bytes, len(tc.in))
			}
			if tc.stripped != "" && !slices.Contains(p.Stripped, tc.stripped) {
				t.Errorf("stripped %v, want %s among them", p.Stripped, tc.stripped)
			}
			if tc.problem != nil && !errors.Is(p.Problem, tc.problem) {
				t.Errorf("problem %v, want %v", p.Problem, tc.problem)
			}
			if tc.name == "bad payload" && p.Problem == nil {
				t.Error("a payload that is not base64url must be the problem")
			}
		})
	}
}

func TestSession(t *testing.T) {
	ctx := context.Background()
	at := fixtures.StaticNow()
	s := inspect.NewSession(inspect.Options{At: at, Source: verify.Source{JWKS: "https://keys.invalid/jwks"}, Providers: policyset.All()})
	off := s.InspectOffline(ctx, staticToken(t, "push-main"))
	if off.Verify.Signature.Status != verify.StatusUnverified {
		t.Errorf("offline signature %s, want unverified", off.Verify.Signature.Status)
	}
	if !s.Fetches(off) {
		t.Error("a JWKS URL is fetched")
	}
	if inspect.NewSession(inspect.Options{Source: verify.Source{Offline: true}}).Fetches(off) {
		t.Error("--offline fetches nothing")
	}
	if inspect.NewSession(inspect.Options{}).Fetches(&inspect.Report{}) {
		t.Error("no token, nothing to fetch")
	}
	// GitHub's issuer is discovered automatically.
	if !inspect.NewSession(inspect.Options{}).Fetches(off) {
		t.Error("GitHub's issuer is discovered")
	}

	// Adding policies makes a new session; the old one is unchanged.
	set := policyset.Loader{}.Load([]string{"../fixtures/policies/aws/get-role-deploy-main.json"}, nil, nil)
	s2 := s.WithPolicies(set)
	if s.PolicyCount() != 0 || s2.PolicyCount() != 1 {
		t.Fatalf("policy counts %d and %d, want 0 and 1", s.PolicyCount(), s2.PolicyCount())
	}
	r := s2.InspectOffline(ctx, staticToken(t, "push-main"))
	if len(r.Policies) != 1 || r.Policies[0].Verdict != "allow" {
		t.Errorf("policies %+v, want one allow", r.Policies)
	}
	// Claims list what they would satisfy even with policies loaded.
	if len(claim(t, r, "sub").WouldSatisfy) == 0 || len(claim(t, r, "sub").Conditions) == 0 {
		t.Error("sub: want both conditions and would-satisfy snippets")
	}
}

// BenchmarkPreviewInput1MiB: what the paste screen pays, off the UI
// goroutine, for a paste at the size limit.
func BenchmarkPreviewInput1MiB(b *testing.B) {
	in := make([]byte, 1<<20)
	for i := range in {
		in[i] = 'A'
	}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		inspect.PreviewInput(in, decode.Limits{})
	}
}

// TestSnippetsCapped: a claim with 50,000 values gets a handful of
// ready-to-paste conditions per provider, and says how many were left out.
func TestSnippetsCapped(t *testing.T) {
	auds := make([]string, 50000) // under the 1 MiB token limit
	for i := range auds {
		auds[i] = fmt.Sprintf("aud-%d", i)
	}
	js, _ := json.Marshal(map[string]any{"iss": gitHubIssuer, "sub": "repo:o/r:ref:refs/heads/main", "aud": auds})
	r := inspect.Run(context.Background(), inspect.Options{Input: signed(t, string(js), ""), At: fixtures.StaticNow(), Source: verify.Source{Offline: true}, Providers: policyset.All()})
	perProvider := map[string]int{}
	more := false
	for _, sn := range claim(t, r, "aud").WouldSatisfy {
		perProvider[sn.Provider]++
		more = more || strings.Contains(sn.Note, "more like these not shown")
	}
	for p, n := range perProvider {
		if n > 4 {
			t.Errorf("%s: %d snippets for aud", p, n)
		}
	}
	if !more {
		t.Error("the cap does not say what it left out")
	}
}
