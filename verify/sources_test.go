package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
)

// verify.Source end to end against local httptest servers: --jwks URL,
// OIDC discovery, --offline, and which issuers are discovered
// automatically. Nothing here leaves the machine.

// keyServer is an httptest server with fixed routes and a request log.
type keyServer struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
}

func (s *keyServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

// newKeyServer serves routes (path → body; the body may use "{{base}}" for
// the server URL) over TLS when tls is set, plain loopback http otherwise.
func newKeyServer(t *testing.T, tls bool, routes map[string]string) *keyServer {
	t.Helper()
	ks := &keyServer{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ks.mu.Lock()
		ks.paths = append(ks.paths, r.URL.Path)
		ks.mu.Unlock()
		body, ok := routes[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(strings.ReplaceAll(body, "{{base}}", ks.URL)))
	})
	if tls {
		ks.Server = httptest.NewTLSServer(h)
	} else {
		ks.Server = httptest.NewServer(h)
	}
	t.Cleanup(ks.Close)
	return ks
}

func (s *keyServer) fetcher() Fetcher {
	return Fetcher{Client: s.Client(), Timeout: 2 * time.Second}
}

// tokenForIssuer signs the push-main claims with the demo key, iss replaced.
func tokenForIssuer(t *testing.T, iss string, header []byte) string {
	t.Helper()
	raw, err := fixtures.ClaimSet(fixtures.DefaultDemo)
	if err != nil {
		t.Fatal(err)
	}
	const gh = `"iss": "https://token.actions.githubusercontent.com"`
	if !bytes.Contains(raw, []byte(gh)) {
		t.Fatalf("claim set has no %s to replace", gh)
	}
	q, _ := json.Marshal(iss)
	raw = bytes.Replace(raw, []byte(gh), append([]byte(`"iss": `), q...), 1)
	payload, err := fixtures.SetTimes(raw, fixtures.StaticIAT())
	if err != nil {
		t.Fatal(err)
	}
	return signDemo(t, payload, header)
}

func TestSourceJWKSURL(t *testing.T) {
	for _, tls := range []bool{true, false} {
		name := map[bool]string{true: "https", false: "loopback http"}[tls]
		t.Run(name, func(t *testing.T) {
			srv := newKeyServer(t, tls, map[string]string{"/jwks": string(fixtures.DemoJWKS())})
			tok := mustParse(t, demoToken(t, "push-main"))
			url := srv.URL + "/jwks"
			ks, err := Source{JWKS: url, Fetcher: srv.fetcher()}.Load(context.Background(), tok)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if ks.Kind != SourceJWKSURL || ks.Name != url {
				t.Errorf("key set %q %q, want %q %q", ks.Kind, ks.Name, SourceJWKSURL, url)
			}
			res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()})
			wantValid(t, "demo token with --jwks URL", res)
			if res.Signature.KeySource != SourceJWKSURL || res.Signature.KeyName != url {
				t.Errorf("signature KeySource %q KeyName %q, want %q %q", res.Signature.KeySource, res.Signature.KeyName, SourceJWKSURL, url)
			}
			if got := srv.requests(); len(got) != 1 || got[0] != "/jwks" {
				t.Errorf("requests %v, want exactly one GET /jwks", got)
			}
		})
	}

	t.Run("unknown kid from a fetched JWKS", func(t *testing.T) {
		// GitHub's keys served from a URL; the demo token's kid is not there.
		srv := newKeyServer(t, true, map[string]string{"/jwks": string(readTestdata(t, beaconJWKSFile))})
		tok := mustParse(t, demoToken(t, "push-main"))
		ks, err := Source{JWKS: srv.URL + "/jwks", Fetcher: srv.fetcher()}.Load(context.Background(), tok)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()})
		wantUnverified(t, "demo kid against GitHub's fetched JWKS", res, ErrUnknownKID)
		if !strings.Contains(res.Signature.Reason, beaconKID) {
			t.Errorf("reason %q should list the kids the server offered", res.Signature.Reason)
		}
	})

	failures := []struct {
		name  string
		route string
		body  string
		is    []error
	}{
		{"404", "/elsewhere", "", []error{ErrKeySource, ErrHTTPStatus}},
		{"HTML instead of JSON", "/jwks", "<html>login</html>", []error{ErrKeySource}},
		{"empty set", "/jwks", `{"keys":[]}`, []error{ErrKeySource, ErrNoKeysInSet}},
	}
	for _, f := range failures {
		t.Run(f.name, func(t *testing.T) {
			srv := newKeyServer(t, true, map[string]string{f.route: f.body})
			tok := mustParse(t, demoToken(t, "push-main"))
			ks, err := Source{JWKS: srv.URL + "/jwks", Fetcher: srv.fetcher()}.Load(context.Background(), tok)
			if ks != nil {
				t.Errorf("got keys %+v, want none", ks)
			}
			for _, want := range f.is {
				if !errors.Is(err, want) {
					t.Errorf("error %v, want errors.Is %v", err, want)
				}
			}
		})
	}
}

func TestSourceDiscovery(t *testing.T) {
	// The GitHub discovery document snapshot, issuer and jwks_uri pointed at
	// the test server, so a realistic document is parsed.
	var snap struct {
		Config map[string]any `json:"openid_configuration"`
	}
	if err := json.Unmarshal(readTestdata(t, "github/github-openid-configuration-snapshot.json"), &snap); err != nil {
		t.Fatal(err)
	}
	if snap.Config["issuer"] != githubIssuer || snap.Config["jwks_uri"] == nil {
		t.Fatalf("snapshot lacks issuer/jwks_uri: %v", snap.Config)
	}
	docFor := func(issuer, jwksURI string) string {
		m := map[string]any{}
		for k, v := range snap.Config {
			m[k] = v
		}
		m["issuer"], m["jwks_uri"] = issuer, jwksURI
		b, _ := json.Marshal(m)
		return string(b)
	}
	routes := func(doc string) map[string]string {
		return map[string]string{
			"/.well-known/openid-configuration": doc,
			"/keys":                             string(fixtures.DemoJWKS()),
		}
	}

	t.Run("issuer is the server", func(t *testing.T) {
		srv := newKeyServer(t, true, routes(docFor("{{base}}", "{{base}}/keys")))
		tok := mustParse(t, tokenForIssuer(t, srv.URL, nil))
		src := Source{Discover: true, Issuer: srv.URL, Fetcher: srv.fetcher()}
		if !src.WillDiscover(tok) || !src.Explicit() {
			t.Errorf("WillDiscover %v Explicit %v, want both true with Discover", src.WillDiscover(tok), src.Explicit())
		}
		ks, err := src.Load(context.Background(), tok)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if ks.Kind != SourceDiscovery || ks.Name != srv.URL+"/keys" {
			t.Errorf("key set %q %q, want %q %q", ks.Kind, ks.Name, SourceDiscovery, srv.URL+"/keys")
		}
		res := Verify(tok, Options{Keys: ks, Issuer: srv.URL, Audiences: []string{"sts.amazonaws.com"}, At: fixtures.StaticNow()})
		wantValid(t, "token from a discovered issuer", res)
		if res.Signature.KeySource != SourceDiscovery {
			t.Errorf("KeySource = %q, want %q", res.Signature.KeySource, SourceDiscovery)
		}
		if res.Failed() {
			t.Errorf("Failed() = true: %+v", res.Checks)
		}
		want := []string{"/.well-known/openid-configuration", "/keys"}
		if got := srv.requests(); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("requests %v, want %v in that order", got, want)
		}
	})

	t.Run("issuer with a path", func(t *testing.T) {
		srv := newKeyServer(t, true, map[string]string{
			"/tenant/.well-known/openid-configuration": docFor("{{base}}/tenant", "{{base}}/keys"),
			"/keys": string(fixtures.DemoJWKS()),
		})
		tok := mustParse(t, tokenForIssuer(t, srv.URL+"/tenant", nil))
		ks, err := Source{Discover: true, Issuer: srv.URL + "/tenant", Fetcher: srv.fetcher()}.Load(context.Background(), tok)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		wantValid(t, "issuer with a path", Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()}))
	})

	t.Run("document names another issuer", func(t *testing.T) {
		srv := newKeyServer(t, true, routes(docFor("https://token.actions.githubusercontent.com", "{{base}}/keys")))
		tok := mustParse(t, tokenForIssuer(t, srv.URL, nil))
		ks, err := Source{Discover: true, Issuer: srv.URL, Fetcher: srv.fetcher()}.Load(context.Background(), tok)
		if ks != nil {
			t.Errorf("got keys from a mismatched document")
		}
		for _, want := range []error{ErrKeySource, ErrIssuerMismatch, ErrDiscovery} {
			if !errors.Is(err, want) {
				t.Errorf("error %v, want errors.Is %v", err, want)
			}
		}
		for _, p := range srv.requests() {
			if p == "/keys" {
				t.Errorf("jwks_uri of a mismatched document was fetched")
			}
		}
	})

	t.Run("document issuer with trailing slash", func(t *testing.T) {
		srv := newKeyServer(t, true, routes(docFor("{{base}}/", "{{base}}/keys")))
		tok := mustParse(t, tokenForIssuer(t, srv.URL, nil))
		_, err := Source{Discover: true, Issuer: srv.URL, Fetcher: srv.fetcher()}.Load(context.Background(), tok)
		if !errors.Is(err, ErrIssuerMismatch) || !errors.Is(err, ErrKeySource) {
			t.Errorf("error %v, want ErrIssuerMismatch and ErrKeySource: matching is exact", err)
		}
	})

	t.Run("unknown kid from the discovered JWKS", func(t *testing.T) {
		srv := newKeyServer(t, true, routes(docFor("{{base}}", "{{base}}/keys")))
		tok := mustParse(t, tokenForIssuer(t, srv.URL, []byte(`{"alg":"RS256","kid":"not-published","typ":"JWT"}`)))
		ks, err := Source{Discover: true, Issuer: srv.URL, Fetcher: srv.fetcher()}.Load(context.Background(), tok)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()})
		wantUnverified(t, "kid not in the discovered JWKS", res, ErrUnknownKID)
	})

	t.Run("non-GitHub issuer is not discovered without Discover", func(t *testing.T) {
		srv := newKeyServer(t, true, routes(docFor("{{base}}", "{{base}}/keys")))
		tok := mustParse(t, tokenForIssuer(t, srv.URL, nil))
		src := Source{Fetcher: srv.fetcher()}
		ks, err := src.Load(context.Background(), tok)
		if ks != nil || err != nil || src.WillDiscover(tok) || src.Explicit() {
			t.Errorf("Load = %v, %v, WillDiscover %v, Explicit %v; want nil, nil, false, false", ks, err, src.WillDiscover(tok), src.Explicit())
		}
		if n := len(srv.requests()); n != 0 {
			t.Errorf("%d requests reached the server; automatic discovery is for GitHub issuers only", n)
		}
	})
}

// TestSourceOffline: --offline means no request at all.
func TestSourceOffline(t *testing.T) {
	srv := newKeyServer(t, true, map[string]string{
		"/jwks":                             string(fixtures.DemoJWKS()),
		"/.well-known/openid-configuration": `{"issuer":"{{base}}","jwks_uri":"{{base}}/jwks"}`,
	})

	t.Run("jwks URL", func(t *testing.T) {
		tok := mustParse(t, demoToken(t, "push-main"))
		ks, err := Source{JWKS: srv.URL + "/jwks", Offline: true, Fetcher: srv.fetcher()}.Load(context.Background(), tok)
		if ks != nil || !errors.Is(err, ErrKeySource) || !strings.Contains(err.Error(), "offline mode is set") {
			t.Errorf("Load = %v, %v; want nil and ErrKeySource saying offline mode is set", ks, err)
		}
	})

	t.Run("GitHub issuer", func(t *testing.T) {
		tok := mustParse(t, beaconText(t))
		src := Source{Offline: true, Fetcher: Fetcher{Client: &http.Client{Transport: noNetwork{t}}}}
		if src.WillDiscover(tok) {
			t.Errorf("WillDiscover = true with Offline")
		}
		ks, err := src.Load(context.Background(), tok)
		if ks != nil || err != nil {
			t.Errorf("Load = %v, %v; want nil, nil: offline leaves the signature unverified", ks, err)
		}
		res := Verify(tok, Options{Keys: ks, At: beaconInside})
		if res.Signature.Status != StatusUnverified || res.Failed() {
			t.Errorf("offline GitHub token: %s, Failed %v; want unverified and not failed", res.Signature.Status, res.Failed())
		}
	})

	t.Run("Discover with a server issuer", func(t *testing.T) {
		tok := mustParse(t, tokenForIssuer(t, srv.URL, nil))
		src := Source{Discover: true, Offline: true, Fetcher: srv.fetcher()}
		if src.WillDiscover(tok) {
			t.Errorf("WillDiscover = true with Offline")
		}
		ks, _ := src.Load(context.Background(), tok)
		if ks != nil {
			t.Errorf("keys loaded offline: %+v", ks)
		}
	})

	if n := len(srv.requests()); n != 0 {
		t.Errorf("%d requests reached the server with Offline set: %v", n, srv.requests())
	}
}

// noNetwork fails the test on any request that reaches the transport.
type noNetwork struct{ t *testing.T }

func (n noNetwork) RoundTrip(r *http.Request) (*http.Response, error) {
	n.t.Errorf("a request to %s reached the transport; none may", r.URL.Redacted())
	return nil, errors.New("blocked by test: no network")
}

// TestGitHubAutoDiscovery: without Offline a GitHub issuer is discovered
// automatically (WillDiscover), other issuers only with Discover. No request
// is made here: WillDiscover is the decision Load acts on.
func TestGitHubAutoDiscovery(t *testing.T) {
	gh := mustParse(t, beaconText(t))
	other := mustParse(t, tokenForIssuer(t, "https://accounts.google.com", nil))
	noIss := mustParse(t, signDemo(t, []byte(`{"sub":"x"}`), nil))
	cases := []struct {
		name string
		src  Source
		tok  string
		want bool
	}{
		{"GitHub issuer", Source{}, "gh", true},
		{"GitHub issuer, offline", Source{Offline: true}, "gh", false},
		{"GitHub issuer, explicit --jwks", Source{JWKS: "keys.json"}, "gh", false},
		{"GitHub issuer, --key", Source{KeyFile: "k.pem"}, "gh", false},
		{"GitHub issuer, --secret-file", Source{SecretFile: "s"}, "gh", false},
		{"GitHub issuer, OIDCSCOPE_SECRET", Source{Secret: []byte("s")}, "gh", false},
		{"other issuer", Source{}, "other", false},
		{"other issuer, --discover", Source{Discover: true}, "other", true},
		{"no iss, --discover", Source{Discover: true}, "none", false},
	}
	toks := map[string]*decode.Token{"gh": gh, "other": other, "none": noIss}
	for _, c := range cases {
		if got := c.src.WillDiscover(toks[c.tok]); got != c.want {
			t.Errorf("%s: WillDiscover = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestIsGitHubIssuer(t *testing.T) {
	cases := []struct {
		iss  string
		want bool
	}{
		{"https://token.actions.githubusercontent.com", true},
		{"https://token.actions.githubusercontent.com/octo-enterprise", true},
		{"https://token.actions.githubusercontent.com/my_ent.2-x", true},
		{"https://token.actions.octocorp.ghe.com", true},
		{"https://token.actions.octocorp.ghe.com/octo-enterprise", true},
		{"https://token.actions.a-1.ghe.com", true},

		{"https://token.actions.githubusercontent.com/", false},
		{"https://token.actions.githubusercontent.com/octo-enterprise/", false},
		{"https://token.actions.githubusercontent.com/a/b", false},
		{"https://token.actions.githubusercontent.com/-slug", false},
		{"https://token.actions.githubusercontent.com/.well-known", false},
		{"http://token.actions.githubusercontent.com", false},
		{"HTTPS://token.actions.githubusercontent.com", false},
		{"https://TOKEN.actions.githubusercontent.com", false},
		{"https://token.actions.githubusercontent.com.evil.com", false},
		{"https://token.actions.githubusercontent.com:443", false},
		{"https://token.actions.githubusercontent.com?x=1", false},
		{"https://token.actions.githubusercontent.com#frag", false},
		{"https://token.actions.githubusercontent.com\n", false},
		{" https://token.actions.githubusercontent.com", false},
		{"https://evil.com/https://token.actions.githubusercontent.com", false},
		{"https://user@token.actions.githubusercontent.com", false},
		{"https://token.actions.ghe.com", false},
		{"https://token.actions.a.b.ghe.com", false},
		{"https://token.actions.octocorp.ghe.com.evil.com", false},
		{"https://token.actions.-x.ghe.com", false},
		{"https://actions.githubusercontent.com", false},
		{"https://vstoken.actions.githubusercontent.com", false},
		{"https://github.com", false},
		{"https://gitlab.com", false},
		{"https://ghes.example.com/_services/token", false},
		{"", false},
	}
	for _, c := range cases {
		if got := IsGitHubIssuer(c.iss); got != c.want {
			t.Errorf("IsGitHubIssuer(%q) = %v, want %v", c.iss, got, c.want)
		}
	}
}

// TestUsesNetwork: only a --jwks URL or discovery goes to the network, and
// discovery only for GitHub's issuers unless --discover; --offline, a file
// or a secret never does.
func TestUsesNetwork(t *testing.T) {
	gh := mustParse(t, beaconText(t))
	other := mustParse(t, tokenForIssuer(t, "https://accounts.google.com", nil))
	cases := []struct {
		name string
		src  Source
		tok  *decode.Token
		want bool
	}{
		{"GitHub issuer", Source{}, gh, true},
		{"other issuer", Source{}, other, false},
		{"other issuer, --discover", Source{Discover: true}, other, true},
		{"--jwks URL", Source{JWKS: "https://keys.example.com/jwks"}, other, true},
		{"--jwks file", Source{JWKS: "keys.json"}, gh, false},
		{"--jwks URL, offline", Source{JWKS: "https://keys.example.com/jwks", Offline: true}, gh, false},
		{"GitHub issuer, offline", Source{Offline: true}, gh, false},
		{"--discover, offline", Source{Discover: true, Offline: true}, other, false},
		{"--key", Source{KeyFile: "k.pem"}, gh, false},
		{"secret", Source{Secret: []byte("s")}, gh, false},
	}
	for _, c := range cases {
		if got := c.src.UsesNetwork(c.tok); got != c.want {
			t.Errorf("%s: UsesNetwork = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestLoadDiscoversOnlyAllowedIssuers: Load itself, not only WillDiscover,
// makes no request for an issuer that is not GitHub's without --discover,
// even with a transport that would answer anything.
func TestLoadDiscoversOnlyAllowedIssuers(t *testing.T) {
	for _, iss := range []string{
		"https://accounts.google.com",
		"https://token.actions.githubusercontent.com.evil.example",
		"https://ghes.example.com/_services/token",
		"https://169.254.169.254",
	} {
		tok := mustParse(t, tokenForIssuer(t, iss, nil))
		src := Source{Fetcher: Fetcher{Client: &http.Client{Transport: noNetwork{t}}}}
		if ks, err := src.Load(context.Background(), tok); ks != nil || err != nil {
			t.Errorf("iss %s: Load = %v, %v; want nil, nil and no request", iss, ks, err)
		}
	}
}
