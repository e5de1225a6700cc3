package verify

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
)

// A real GitHub Actions OIDC token (the sigstore-conformance public beacon)
// against a snapshot of GitHub's JWKS. See testdata/SOURCES.md.

const (
	githubIssuer    = "https://token.actions.githubusercontent.com"
	beaconKID       = "38826b17-6a30-5f9b-b169-8beb8202f723"
	beaconJWKSFile  = "github/github-jwks-snapshot-crates.io.json"
	beaconTokenFile = "github/sigstore-beacon.jwt"
)

// beaconInside is inside the beacon's window: nbf 18:56:04Z, iat 19:01:04Z,
// exp 19:06:04Z on 2026-06-13.
var beaconInside = time.Date(2026, 6, 13, 19, 1, 30, 0, time.UTC)

// beaconText is the token file without its trailing newline: decode.Parse
// takes exact token text.
func beaconText(t *testing.T) string {
	t.Helper()
	raw := string(readTestdata(t, beaconTokenFile))
	text := strings.TrimRight(raw, "\r\n")
	if strings.ContainsAny(text, " \t\r\n") || strings.Count(text, ".") != 2 {
		t.Fatalf("%s is not one compact JWS", beaconTokenFile)
	}
	return text
}

// beaconKeys loads the snapshot through Source, as --jwks FILE does.
func beaconKeys(t *testing.T) *KeySet {
	t.Helper()
	tok := mustParse(t, beaconText(t))
	ks, err := Source{JWKS: testdataPath(beaconJWKSFile)}.Load(context.Background(), tok)
	if err != nil || ks == nil {
		t.Fatalf("Source{JWKS: %s}.Load = %v, %v", beaconJWKSFile, ks, err)
	}
	return ks
}

func TestGitHubBeaconVerifies(t *testing.T) {
	tok := mustParse(t, beaconText(t))
	if len(tok.Errors) != 0 {
		t.Fatalf("beacon token decodes with errors: %v", tok.Errors)
	}
	if tok.Kid() != beaconKID || tok.Alg() != "RS256" {
		t.Fatalf("beacon header alg %q kid %q, want RS256 %q", tok.Alg(), tok.Kid(), beaconKID)
	}
	ks := beaconKeys(t)
	if ks.Kind != SourceJWKSFile {
		t.Errorf("Kind = %q, want %q", ks.Kind, SourceJWKSFile)
	}
	if len(ks.KIDs) != 4 || len(ks.Skipped) != 0 {
		t.Errorf("snapshot loaded kids %v skipped %v, want 4 keys and none skipped", ks.KIDs, ks.Skipped)
	}

	res := Verify(tok, Options{
		Keys:      ks,
		Issuer:    githubIssuer,
		Audiences: []string{"sigstore"},
		Leeway:    DefaultLeeway,
		At:        beaconInside,
	})
	wantValid(t, "beacon at "+beaconInside.Format(time.RFC3339), res)
	sig := res.Signature
	if sig.KeyID != beaconKID || sig.KeySource != SourceJWKSFile || !strings.HasSuffix(sig.KeyName, "github-jwks-snapshot-crates.io.json") {
		t.Errorf("signature KeyID %q KeySource %q KeyName %q, want %q from the snapshot file", sig.KeyID, sig.KeySource, sig.KeyName, beaconKID)
	}
	for _, name := range []string{"signature", "alg", "exp", "nbf", "iat", "iss", "aud"} {
		if c := check(t, res, name); c.Status != Pass {
			t.Errorf("%s check = %s (%q), want pass inside the token's window with the right issuer and audience", name, c.Status, c.Detail)
		}
	}
	if res.Failed() {
		t.Errorf("Failed() = true for a fully valid result: %+v", res.Checks)
	}
	if len(res.Checks) != 7 {
		t.Errorf("%d checks, want 7 (signature alg exp nbf iat iss aud): %+v", len(res.Checks), res.Checks)
	}
}

func TestGitHubBeaconChecks(t *testing.T) {
	tok := mustParse(t, beaconText(t))
	ks := beaconKeys(t)
	base := Options{Keys: ks, Issuer: githubIssuer, Audiences: []string{"sigstore"}, Leeway: DefaultLeeway, At: beaconInside}

	cases := []struct {
		name   string
		mutate func(o *Options)
		check  string
		status CheckStatus
		detail []string // substrings the detail must contain
		failed bool     // Result.Failed() overall
	}{
		{"expired at time.Now", func(o *Options) { o.At = time.Now() }, "exp", Fail, []string{"expired", "2026-06-13T19:06:04Z"}, true},
		{"iat still passes now", func(o *Options) { o.At = time.Now() }, "iat", Pass, []string{"issued"}, true},
		{"before nbf", func(o *Options) { o.At = time.Date(2026, 6, 13, 18, 50, 0, 0, time.UTC) }, "nbf", Fail, []string{"not valid yet", "2026-06-13T18:56:04Z"}, true},
		{"before iat", func(o *Options) { o.At = time.Date(2026, 6, 13, 18, 50, 0, 0, time.UTC) }, "iat", Fail, []string{"issued in the future"}, true},
		{"inside leeway after exp", func(o *Options) { o.At = time.Date(2026, 6, 13, 19, 6, 20, 0, time.UTC) }, "exp", Pass, []string{"expires"}, false},
		{"past leeway after exp", func(o *Options) { o.At = time.Date(2026, 6, 13, 19, 6, 40, 0, time.UTC) }, "exp", Fail, []string{"expired", "leeway 30s"}, true},
		{"wrong audience", func(o *Options) { o.Audiences = []string{"sts.amazonaws.com"} }, "aud", Fail, []string{`"sigstore"`, `"sts.amazonaws.com"`}, true},
		{"one of several audiences", func(o *Options) { o.Audiences = []string{"sts.amazonaws.com", "sigstore"} }, "aud", Pass, []string{`"sigstore"`}, false},
		{"no audience expected", func(o *Options) { o.Audiences, o.Names = nil, flagwords.Names }, "aud", Skip, []string{"--audience"}, false},
		{"issuer with trailing slash", func(o *Options) { o.Issuer = githubIssuer + "/" }, "iss", Fail, []string{"trailing slash", githubIssuer}, true},
		{"issuer in other case", func(o *Options) { o.Issuer = "https://Token.Actions.GitHubUserContent.com" }, "iss", Fail, []string{"differ only in case"}, true},
		{"other issuer", func(o *Options) { o.Issuer = "https://accounts.google.com" }, "iss", Fail, []string{githubIssuer, "https://accounts.google.com"}, true},
		{"no issuer expected", func(o *Options) { o.Issuer, o.Names = "", flagwords.Names }, "iss", Skip, []string{"--issuer"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := base
			c.mutate(&o)
			res := Verify(tok, o)
			got := check(t, res, c.check)
			if got.Status != c.status {
				t.Errorf("%s check = %s (%q), want %s", c.check, got.Status, got.Detail, c.status)
			}
			for _, s := range c.detail {
				if !strings.Contains(got.Detail, s) {
					t.Errorf("%s detail %q does not mention %q", c.check, got.Detail, s)
				}
			}
			// Claim checks never change the signature verdict.
			if res.Signature.Status != StatusValid {
				t.Errorf("signature %s (%v); claim options must not affect it", res.Signature.Status, res.Signature.Err)
			}
			if res.Failed() != c.failed {
				t.Errorf("Failed() = %v, want %v; checks: %+v", res.Failed(), c.failed, res.Checks)
			}
		})
	}
}

// TestGitHubBeaconWrongKeys: the right kid is required, and GitHub's keys
// do not verify a token that only claims to come from GitHub.
func TestGitHubBeaconWrongKeys(t *testing.T) {
	tok := mustParse(t, beaconText(t))

	// Without the signing key in the set, the kid is unknown.
	res := Verify(tok, Options{Keys: demoKeys(t), At: beaconInside})
	wantUnverified(t, "beacon against the demo JWKS", res, ErrUnknownKID)
	if !strings.Contains(res.Signature.Reason, `"oidcscope-demo"`) || !strings.Contains(res.Signature.Reason, beaconKID) {
		t.Errorf("reason %q should name the token's kid and the kids in the set", res.Signature.Reason)
	}

	// A fixtures token claiming GitHub's issuer and the beacon's kid.
	forged := signDemo(t, demoPayload(t), []byte(`{"alg":"RS256","kid":"`+beaconKID+`","typ":"JWT"}`))
	res = Verify(mustParse(t, forged), Options{Keys: beaconKeys(t), Issuer: githubIssuer, At: beaconInside})
	wantInvalid(t, "demo-signed token with GitHub's kid", res, ErrBadSignature)
	if c := check(t, res, "iss"); c.Status != Pass {
		t.Errorf("iss check = %s; the claim matches even though the signature does not", c.Status)
	}
	if !errors.Is(res.Signature.Err, ErrBadSignature) || !res.Failed() {
		t.Errorf("forged token must fail overall")
	}
}
