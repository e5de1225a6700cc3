package verify

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// Shared helpers for the verification tests (vectors, wycheproof, github,
// keys, sources). Third-party data is read from the module's testdata/ so a
// fresh clone passes on its own; testdata/SOURCES.md says where each file
// came from.

// testdataPath is relative to this package directory (go test runs there).
func testdataPath(rel string) string { return filepath.Join("..", "testdata", filepath.FromSlash(rel)) }

func readTestdata(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(testdataPath(rel))
	if err != nil {
		t.Fatalf("reading testdata %s: %v (testdata/SOURCES.md says where each file comes from)", rel, err)
	}
	return b
}

// mustParse decodes exact token text (no paste extraction).
func mustParse(t *testing.T, text string) *decode.Token {
	t.Helper()
	tok, err := decode.Parse(text)
	if err != nil {
		t.Fatalf("decode.Parse(%.60q…): %v", text, err)
	}
	return tok
}

func mustJWKS(t *testing.T, data []byte, kind SourceKind, name string) *KeySet {
	t.Helper()
	ks, err := ParseJWKS(data, kind, name)
	if err != nil {
		t.Fatalf("ParseJWKS(%s): %v", name, err)
	}
	return ks
}

func mustKeyFile(t *testing.T, data []byte, name string) *KeySet {
	t.Helper()
	ks, err := ParseKeyFile(data, name)
	if err != nil {
		t.Fatalf("ParseKeyFile(%s): %v", name, err)
	}
	return ks
}

// check returns the named check of res, failing the test if it is missing.
func check(t *testing.T, res Result, name string) Check {
	t.Helper()
	for _, c := range res.Checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("result has no %q check; checks: %+v", name, res.Checks)
	return Check{}
}

// wantValid fails unless the signature verified with no error.
func wantValid(t *testing.T, what string, res Result) {
	t.Helper()
	sig := res.Signature
	if sig.Status != StatusValid || sig.Err != nil {
		t.Errorf("%s: signature = %s (err %v, reason %q), want valid with nil Err", what, sig.Status, sig.Err, sig.Reason)
	}
	if c := check(t, res, "signature"); c.Status != Pass {
		t.Errorf("%s: signature check = %s (%q), want pass because the signature verified", what, c.Status, c.Detail)
	}
}

// wantUnverified fails unless the signature is unverified, not drawn as a
// failure (its check skips), and its Err matches cause: the key that could
// check it is missing, or what it signs is.
func wantUnverified(t *testing.T, what string, res Result, cause error) {
	t.Helper()
	wantSignature(t, what, res, StatusUnverified, Skip, cause)
}

// wantInvalid fails unless the signature is invalid, its check fails, and
// its Err matches cause.
func wantInvalid(t *testing.T, what string, res Result, cause error) {
	t.Helper()
	wantSignature(t, what, res, StatusInvalid, Fail, cause)
}

func wantSignature(t *testing.T, what string, res Result, status Status, checked CheckStatus, cause error) {
	t.Helper()
	sig := res.Signature
	if sig.Status != status {
		t.Errorf("%s: signature = %s (reason %q), want %s (%v)", what, sig.Status, sig.Reason, status, cause)
		return
	}
	if !errors.Is(sig.Err, cause) {
		t.Errorf("%s: signature Err = %v, want errors.Is %v", what, sig.Err, cause)
	}
	if sig.Reason == "" {
		t.Errorf("%s: %s signature without a Reason; the user must be told why", what, status)
	}
	if c := check(t, res, "signature"); c.Status != checked {
		t.Errorf("%s: signature check = %s (%q), want %s for an %s signature", what, c.Status, c.Detail, checked, status)
	}
}

var b64 = base64.RawURLEncoding

func b64json(v string) string { return b64.EncodeToString([]byte(v)) }

// flipSignatureByte decodes the signature segment, flips the bits of byte i
// (negative: from the end) and re-encodes it strictly, so the token is still
// well-formed and only the signature is wrong.
func flipSignatureByte(t *testing.T, compact string, i int) string {
	t.Helper()
	parts := strings.Split(compact, ".")
	if len(parts) != 3 {
		t.Fatalf("flipSignatureByte: %d segments", len(parts))
	}
	sig, err := b64.Strict().DecodeString(parts[2])
	if err != nil || len(sig) == 0 {
		t.Fatalf("flipSignatureByte: signature segment does not decode: %v", err)
	}
	if i < 0 {
		i += len(sig)
	}
	sig[i] ^= 0xff
	parts[2] = b64.EncodeToString(sig)
	return strings.Join(parts, ".")
}

// replacePayload swaps the payload segment for base64url(payload), keeping
// the header and signature segments untouched.
func replacePayload(t *testing.T, compact string, payload []byte) string {
	t.Helper()
	parts := strings.Split(compact, ".")
	if len(parts) != 3 {
		t.Fatalf("replacePayload: %d segments", len(parts))
	}
	parts[1] = b64.EncodeToString(payload)
	return strings.Join(parts, ".")
}

// signCompact builds a compact JWS over the exact header and payload bytes
// with any golang-jwt method and key.
func signCompact(t *testing.T, m jwt.SigningMethod, key any, header, payload string) string {
	t.Helper()
	input := b64json(header) + "." + b64json(payload)
	sig, err := m.Sign(input, key)
	if err != nil {
		t.Fatalf("signing %s: %v", m.Alg(), err)
	}
	return input + "." + b64.EncodeToString(sig)
}

// demoToken is a fixtures token (RS256, kid oidcscope-demo) valid at
// fixtures.StaticNow().
func demoToken(t *testing.T, name string) string {
	t.Helper()
	tok, err := fixtures.Sign(name, fixtures.StaticIAT())
	if err != nil {
		t.Fatalf("fixtures.Sign(%q): %v", name, err)
	}
	return tok
}

// demoPayload is the push-main claim set with fixed times (valid at
// fixtures.StaticNow()).
func demoPayload(t *testing.T) []byte {
	t.Helper()
	raw, err := fixtures.ClaimSet(fixtures.DefaultDemo)
	if err != nil {
		t.Fatal(err)
	}
	p, err := fixtures.SetTimes(raw, fixtures.StaticIAT())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// signDemo signs payload with the demo key under the given header (nil:
// fixtures.DefaultHeader).
func signDemo(t *testing.T, payload []byte, header []byte) string {
	t.Helper()
	tok, err := fixtures.SignPayload(payload, header)
	if err != nil {
		t.Fatalf("fixtures.SignPayload: %v", err)
	}
	return tok
}

func demoKeys(t *testing.T) *KeySet {
	t.Helper()
	return mustJWKS(t, fixtures.DemoJWKS(), SourceJWKSFile, "demo-jwks.json")
}

// Generated keys are made once per test binary: RSA generation is the
// slowest thing these tests do.
var (
	testRSAKey = sync.OnceValue(func() *rsa.PrivateKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		return k
	})
	testRSAKey2 = sync.OnceValue(func() *rsa.PrivateKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		return k
	})
	testP256Key = sync.OnceValue(func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			panic(err)
		}
		return k
	})
	testP384Key = sync.OnceValue(func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		if err != nil {
			panic(err)
		}
		return k
	})
)

// jwkJSON renders a JWK object with extra members merged in (nil values
// delete a member).
func jwkJSON(t *testing.T, base map[string]any, extra map[string]any) []byte {
	t.Helper()
	m := map[string]any{}
	for k, v := range base {
		m[k] = v
	}
	for k, v := range extra {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rsaPublicJWK is the JWK of an RSA public key (no kid, no alg).
func rsaPublicJWK(pub *rsa.PublicKey) map[string]any {
	e := big2b64(int64(pub.E))
	return map[string]any{"kty": "RSA", "n": b64.EncodeToString(pub.N.Bytes()), "e": e}
}

func big2b64(v int64) string {
	var b []byte
	for v > 0 {
		b = append([]byte{byte(v)}, b...)
		v >>= 8
	}
	return b64.EncodeToString(b)
}

// demoJWK is the single demo public JWK as a map, to derive variants from.
func demoJWK(t *testing.T) map[string]any {
	t.Helper()
	var set struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(fixtures.DemoJWKS(), &set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("demo JWKS: %v (%d keys)", err, len(set.Keys))
	}
	return set.Keys[0]
}

func jwksOf(t *testing.T, keys ...[]byte) []byte {
	t.Helper()
	raws := make([]json.RawMessage, len(keys))
	for i, k := range keys {
		raws[i] = k
	}
	b, err := json.Marshal(map[string]any{"keys": raws})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func keyDesc(ks *KeySet) string {
	if ks == nil {
		return "no key"
	}
	return string(ks.Kind) + " " + ks.Name
}

func pemOf(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func rsaPublicPEM(t *testing.T, pub *rsa.PublicKey) []byte {
	t.Helper()
	return pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, pub))
}
