package policytest

import (
	"path"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/verify"
)

// StaticJWT reads the signed static fixture token <name> as its file holds
// it (the token and a newline): what a user pastes, for tests that run the
// whole pipeline rather than a policy.
func StaticJWT(t testing.TB, name string) []byte {
	t.Helper()
	// A name is no pattern: it matches one file or, missing, fails the test.
	return testseeds.Files(t, path.Join("fixtures", fixtures.StaticDir, name+".jwt"))[0]
}

// DemoKeySet is the demo JWKS as a key set read from a file named
// demo-jwks.json, which verifies every fixture token.
func DemoKeySet(t testing.TB) *verify.KeySet {
	t.Helper()
	ks, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "demo-jwks.json")
	if err != nil {
		t.Fatalf("demo JWKS: %v", err)
	}
	return ks
}

// SignedDemo signs payload with the demo key under header, or under
// fixtures.DefaultHeader when header is empty. Neither is checked, so a
// test can sign hostile or malformed JSON.
func SignedDemo(t testing.TB, payload, header string) []byte {
	t.Helper()
	var h []byte // nil: the default header
	if header != "" {
		h = []byte(header)
	}
	tok, err := fixtures.SignPayload([]byte(payload), h)
	if err != nil {
		t.Fatalf("signing %s: %v", payload, err)
	}
	return []byte(tok)
}
