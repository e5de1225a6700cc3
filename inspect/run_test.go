package inspect_test

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/verify"
)

const gitHubIssuer = "https://token.actions.githubusercontent.com"

func staticToken(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "fixtures", fixtures.StaticDir, name+".jwt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func demoKeys(t testing.TB) *verify.KeySet {
	t.Helper()
	ks, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "demo-jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

// signed signs payload (and header, nil for the default) with the demo key.
func signed(t *testing.T, payload, header string) []byte {
	t.Helper()
	var h []byte
	if header != "" {
		h = []byte(header)
	}
	tok, err := fixtures.SignPayload([]byte(payload), h)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(tok)
}

// offline keeps every Run in these tests off the network: the static tokens
// name GitHub's issuer, for which keys are otherwise discovered.
var offline = verify.Source{Offline: true}

func TestRunStaticWithKeys(t *testing.T) {
	r := inspect.Run(context.Background(), inspect.Options{
		Input:     staticToken(t, "push-main"),
		Keys:      demoKeys(t),
		Issuer:    gitHubIssuer,
		Audiences: []string{"sts.amazonaws.com"},
		Leeway:    verify.DefaultLeeway,
		At:        fixtures.StaticNow(),
		Now:       func() time.Time { t.Fatal("Now called although At is set"); return time.Time{} },
	})
	if got := r.ExitCode(); got != 0 {
		t.Fatalf("ExitCode = %d, want 0; errors %v, checks %+v", got, r.Errors, r.Verify.Checks)
	}
	if !r.AtFixed || !r.At.Equal(fixtures.StaticNow()) {
		t.Errorf("At = %v (fixed %v), want %v fixed", r.At, r.AtFixed, fixtures.StaticNow())
	}
	if !r.KeysGiven {
		t.Error("KeysGiven = false with preloaded keys")
	}
	if r.Kind() != decode.KindJWS {
		t.Errorf("Kind = %q", r.Kind())
	}
	sig := r.Verify.Signature
	if sig.Status != verify.StatusValid || sig.KeySource != verify.SourceJWKSFile || sig.KeyID != fixtures.DemoKID {
		t.Errorf("signature = %+v", sig)
	}
	var names []string
	for _, c := range r.Verify.Checks {
		names = append(names, c.Name)
		if c.Status != verify.Pass {
			t.Errorf("check %s = %s (%s)", c.Name, c.Status, c.Detail)
		}
	}
	if want := []string{"signature", "alg", "exp", "nbf", "iat", "iss", "aud"}; !slices.Equal(names, want) {
		t.Errorf("checks %v, want %v", names, want)
	}
	// Claims follow the payload exactly, in order.
	members := r.Token.Payload.Members
	if len(r.Claims) != len(members) || len(members) < 20 {
		t.Fatalf("%d claims for %d payload members", len(r.Claims), len(members))
	}
	for i, c := range r.Claims {
		if c.Name != members[i].Key {
			t.Errorf("claim %d = %s, payload member %s", i, c.Name, members[i].Key)
		}
		if decode.IsTimeClaim(c.Name) != (c.Time != nil) {
			t.Errorf("claim %s: Time = %v", c.Name, c.Time)
		}
	}
	exp := claim(t, r, "exp")
	if exp.Time.Err != nil || !exp.Time.UTC.Equal(time.Unix(fixtures.StaticIATUnix+300, 0)) || exp.Time.Relative != "in 4m" {
		t.Errorf("exp time = %+v", exp.Time)
	}
}

func claim(t *testing.T, r *inspect.Report, name string) inspect.Claim {
	t.Helper()
	for _, c := range r.Claims {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no claim %q", name)
	return inspect.Claim{}
}

func TestRunUsesNowWithoutAt(t *testing.T) {
	now := fixtures.StaticNow().Add(time.Second)
	r := inspect.Run(context.Background(), inspect.Options{
		Input:  staticToken(t, "pull-request"),
		Keys:   demoKeys(t),
		Now:    func() time.Time { return now.In(time.FixedZone("X", 3600)) },
		Source: offline,
	})
	if r.AtFixed || !r.At.Equal(now) || r.At.Location() != time.UTC {
		t.Errorf("At = %v (fixed %v), want %v in UTC, not fixed", r.At, r.AtFixed, now)
	}
	if got := r.ExitCode(); got != 0 {
		t.Errorf("ExitCode = %d, want 0: %+v", got, r.Verify.Checks)
	}
}

// TestRunExitCodes pins the documented contract: 0 decoded and every
// requested check passed, 1 a check failed or the token did not decode
// cleanly, 2 no token or an unusable explicit key source.
func TestRunExitCodes(t *testing.T) {
	jwe := "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.ZW5jcnlwdGVka2V5eHg.aXYwMTIzNDU2Nzg.Y2lwaGVydGV4dC1ieXRlcw.dGFnMDEyMzQ1Njc4OWFiYw"
	readDemoJWKS := func(name string) ([]byte, error) {
		if name != "keys.json" {
			return nil, os.ErrNotExist
		}
		return fixtures.DemoJWKS(), nil
	}
	tests := []struct {
		name       string
		opts       inspect.Options
		want       int
		wantStage  string // first error's stage, if any
		wantStatus verify.Status
	}{
		{"valid", inspect.Options{Input: staticToken(t, "push-main"), Source: verify.Source{JWKS: "keys.json", ReadFile: readDemoJWKS}}, 0, "", verify.StatusValid},
		{"no key is unverified, not a failure", inspect.Options{Input: staticToken(t, "push-main"), Source: offline}, 0, "", verify.StatusUnverified},
		{"expired", inspect.Options{Input: staticToken(t, "push-main"), Source: offline, At: fixtures.StaticNow().Add(time.Hour)}, 1, "", verify.StatusUnverified},
		{"not yet valid", inspect.Options{Input: staticToken(t, "push-main"), Source: offline, At: fixtures.StaticIAT().Add(-time.Hour)}, 1, "", verify.StatusUnverified},
		{"wrong audience", inspect.Options{Input: staticToken(t, "push-main"), Keys: demoKeys(t), Audiences: []string{"other"}}, 1, "", verify.StatusValid},
		{"wrong issuer", inspect.Options{Input: staticToken(t, "push-main"), Keys: demoKeys(t), Issuer: "https://example.com"}, 1, "", verify.StatusValid},
		{"duplicate claim", inspect.Options{Input: signed(t, `{"sub":"a","sub":"b"}`, ""), Keys: demoKeys(t)}, 1, inspect.StageDecode, verify.StatusValid},
		{"payload not JSON", inspect.Options{Input: signed(t, `{"sub":`, ""), Keys: demoKeys(t)}, 1, inspect.StageDecode, verify.StatusValid},
		{"jwe without keys", inspect.Options{Input: []byte(jwe), Source: offline}, 0, "", verify.StatusUnsupported},
		{"jwe with keys asked for", inspect.Options{Input: []byte(jwe), Keys: demoKeys(t)}, 1, "", verify.StatusUnsupported},
		{"not a token", inspect.Options{Input: []byte("hello world")}, 2, inspect.StageExtract, ""},
		{"empty", inspect.Options{Input: nil}, 2, inspect.StageExtract, ""},
		{"too large", inspect.Options{Input: staticToken(t, "push-main"), MaxSize: 100}, 2, inspect.StageExtract, ""},
		{"missing key file", inspect.Options{Input: staticToken(t, "push-main"), Source: verify.Source{JWKS: "missing.json", ReadFile: readDemoJWKS}}, 2, inspect.StageVerify, verify.StatusUnverified},
		{"key file not a key", inspect.Options{Input: staticToken(t, "push-main"), Source: verify.Source{KeyFile: "keys.json", ReadFile: func(string) ([]byte, error) { return []byte("not a key"), nil }}}, 2, inspect.StageVerify, verify.StatusUnverified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.opts.At.IsZero() {
				tt.opts.At = fixtures.StaticNow()
			}
			r := inspect.Run(context.Background(), tt.opts)
			if got := r.ExitCode(); got != tt.want {
				t.Errorf("ExitCode = %d, want %d; errors %v; checks %+v", got, tt.want, r.Errors, r.Verify.Checks)
			}
			stage := ""
			if len(r.Errors) > 0 {
				stage = r.Errors[0].Stage
			}
			if stage != tt.wantStage {
				t.Errorf("first error stage %q, want %q (%v)", stage, tt.wantStage, r.Errors)
			}
			if r.Verify.Signature.Status != tt.wantStatus {
				t.Errorf("signature %q, want %q (%s)", r.Verify.Signature.Status, tt.wantStatus, r.Verify.Signature.Reason)
			}
			if tt.wantStage == inspect.StageExtract && (r.Token != nil || r.Claims != nil) {
				t.Errorf("no token expected, got %+v", r.Token)
			}
		})
	}
}

func TestRunDuplicateClaims(t *testing.T) {
	r := inspect.Run(context.Background(), inspect.Options{
		Input: signed(t, `{"sub":"a","iss":"x","sub":"b"}`, ""), Keys: demoKeys(t), At: fixtures.StaticNow(),
	})
	var got []string
	for _, c := range r.Claims {
		got = append(got, c.Name+"="+c.Value.Text+map[bool]string{true: "(dup)"}[c.Duplicate])
	}
	if want := []string{"sub=a", "iss=x", "sub=b(dup)"}; !slices.Equal(got, want) {
		t.Errorf("claims %v, want %v", got, want)
	}
	if len(r.Errors) != 1 || !errors.Is(r.Errors[0].Err, decode.ErrDuplicateKey) {
		t.Fatalf("errors %v, want one duplicate key", r.Errors)
	}
	var de *decode.Error
	if !errors.As(r.Errors[0].Err, &de) || de.Segment != "payload" || de.Offset != 21 {
		t.Errorf("error %#v, want payload at byte 21", r.Errors[0].Err)
	}
}

func TestRunCarriesNotesAndHeaderWarnings(t *testing.T) {
	r := inspect.Run(context.Background(), inspect.Options{
		Input:  signed(t, `{"iss":"https://issuer.example"}`, `{"alg":"RS256","kid":"oidcscope-demo","jku":"https://evil.example/jwks"}`),
		Keys:   demoKeys(t),
		At:     fixtures.StaticNow(),
		Notes:  []string{"from the caller"},
		Source: offline,
	})
	if len(r.Notes) != 2 || r.Notes[0] != "from the caller" || !strings.Contains(r.Notes[1], `"jku"`) {
		t.Errorf("notes %q", r.Notes)
	}
	if r.Verify.Signature.Status != verify.StatusValid || r.Verify.Signature.KeySource != verify.SourceJWKSFile {
		t.Errorf("the jku header must not change where keys come from: %+v", r.Verify.Signature)
	}
}

// fakeGitHub serves OIDC discovery and the demo JWKS for GitHub's issuer
// in-process, and records every request so tests can check that nothing of
// the token leaves.
type fakeGitHub struct {
	mu   sync.Mutex
	reqs []*http.Request
	fail bool
}

func (f *fakeGitHub) RoundTrip(req *http.Request) (*http.Response, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	if f.fail {
		return nil, errors.New("dial tcp: no route to host")
	}
	var body string
	switch req.URL.String() {
	case gitHubIssuer + "/.well-known/openid-configuration":
		body = `{"issuer":"` + gitHubIssuer + `","jwks_uri":"` + gitHubIssuer + `/.well-known/jwks"}`
	case gitHubIssuer + "/.well-known/jwks":
		body = string(fixtures.DemoJWKS())
	default:
		return &http.Response{StatusCode: 404, Body: io.NopCloser(strings.NewReader("")), Request: req}, nil
	}
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(body)), Request: req, ContentLength: int64(len(body))}, nil
}

func discoverySource(f *fakeGitHub) verify.Source {
	return verify.Source{Fetcher: verify.Fetcher{Client: &http.Client{Transport: f}}, Names: flagwords.Names}
}

func TestRunDiscovery(t *testing.T) {
	fake := &fakeGitHub{}
	tok := staticToken(t, "push-main")
	r := inspect.Run(context.Background(), inspect.Options{Input: tok, Source: discoverySource(fake), At: fixtures.StaticNow()})
	if r.Verify.Signature.Status != verify.StatusValid || r.Verify.Signature.KeySource != verify.SourceDiscovery {
		t.Fatalf("signature %+v", r.Verify.Signature)
	}
	if r.KeysGiven {
		t.Error("KeysGiven = true for automatic discovery")
	}
	if got := r.ExitCode(); got != 0 {
		t.Errorf("ExitCode = %d", got)
	}
	if len(fake.reqs) != 2 {
		t.Errorf("%d requests, want discovery + JWKS", len(fake.reqs))
	}
	parts := strings.Split(strings.TrimSpace(string(tok)), ".")
	for _, req := range fake.reqs {
		if req.Method != http.MethodGet || req.Body != nil && req.Body != http.NoBody || req.URL.RawQuery != "" {
			t.Errorf("request %s %s carries more than a plain GET", req.Method, req.URL)
		}
		for k, vs := range req.Header {
			for _, v := range vs {
				for _, p := range parts {
					if strings.Contains(v, p[:16]) {
						t.Errorf("header %s sends part of the token", k)
					}
				}
			}
		}
		if req.Header.Get("Authorization") != "" || req.Header.Get("Cookie") != "" {
			t.Errorf("credentials sent: %v", req.Header)
		}
	}
}

func TestRunOfflineNeverFetches(t *testing.T) {
	fake := &fakeGitHub{}
	src := discoverySource(fake)
	src.Offline = true
	r := inspect.Run(context.Background(), inspect.Options{Input: staticToken(t, "push-main"), Source: src, At: fixtures.StaticNow()})
	if len(fake.reqs) != 0 {
		t.Errorf("--offline made %d requests", len(fake.reqs))
	}
	if r.Verify.Signature.Status != verify.StatusUnverified || r.ExitCode() != 0 {
		t.Errorf("signature %+v, exit %d", r.Verify.Signature, r.ExitCode())
	}
}

// A failing automatic discovery leaves the signature unverified (exit 0
// when the times pass), with a reason that says how to go on.
func TestRunDiscoveryFailureIsUnverified(t *testing.T) {
	fake := &fakeGitHub{fail: true}
	r := inspect.Run(context.Background(), inspect.Options{Input: staticToken(t, "push-main"), Source: discoverySource(fake), At: fixtures.StaticNow()})
	sig := r.Verify.Signature
	if sig.Status != verify.StatusUnverified {
		t.Fatalf("status %q, want unverified", sig.Status)
	}
	if !strings.Contains(sig.Reason, "automatic key discovery failed") || !strings.Contains(sig.Reason, "--jwks") {
		t.Errorf("reason %q", sig.Reason)
	}
	if r.Verify.Checks[0].Detail != sig.Reason || r.Verify.Checks[0].Status != verify.Skip {
		t.Errorf("signature check %+v", r.Verify.Checks[0])
	}
	if len(r.Errors) != 0 || r.ExitCode() != 0 {
		t.Errorf("errors %v, exit %d", r.Errors, r.ExitCode())
	}
}

// When the signature is already invalid without any key (alg "none", a
// malformed header), a failed discovery must not replace the real reason.
func TestRunDiscoveryFailureKeepsInvalidReason(t *testing.T) {
	enc := base64.RawURLEncoding
	none := enc.EncodeToString([]byte(`{"alg":"none"}`)) + "." +
		enc.EncodeToString([]byte(`{"iss":"`+gitHubIssuer+`","exp":1767225900}`)) + "."
	fake := &fakeGitHub{fail: true}
	r := inspect.Run(context.Background(), inspect.Options{Input: []byte(none), Source: discoverySource(fake), At: fixtures.StaticNow()})
	sig := r.Verify.Signature
	if sig.Status != verify.StatusInvalid || !errors.Is(sig.Err, verify.ErrAlgNone) {
		t.Fatalf("signature %+v", sig)
	}
	if !strings.Contains(sig.Reason, `alg "none"`) || !strings.Contains(r.Verify.Checks[0].Detail, `alg "none"`) {
		t.Errorf("reason %q / check detail %q lost the alg none cause", sig.Reason, r.Verify.Checks[0].Detail)
	}
}
