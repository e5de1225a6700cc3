package verify

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// Key rules of issue 13: small-order Ed25519 keys, HMAC keys in sets, weak
// RSA keys and short HMAC secrets, and why every key of a set was skipped.

// smallOrderEncodings are the 32-byte encodings of the eight points of
// order 1, 2, 4 and 8 on edwards25519, canonical and non-canonical (y ≥ p,
// and x = 0 with the sign bit set), written out independently of the list
// in keyset.go. TestEd25519SmallOrderKeyRefused checks that Go's own
// decoder accepts each and verifies a forgery with it.
var smallOrderEncodings = []string{
	"0100000000000000000000000000000000000000000000000000000000000000", // identity
	"0100000000000000000000000000000000000000000000000000000000000080", // identity, x = -0
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // (0, -1), order 2
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // (0, -1), x = -0
	"0000000000000000000000000000000000000000000000000000000000000000", // (√-1, 0), order 4
	"0000000000000000000000000000000000000000000000000000000000000080", // (-√-1, 0)
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
	"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p ≡ 0, order 4
	"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p, other x
	"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p+1 ≡ 1, identity
	"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p+1, x = -0
}

// forgedEdDSA is the forgery every small-order key accepts for some
// payloads, and the identity key for all: R = identity, S = 0.
func forgedEdDSA() []byte {
	sig := make([]byte, ed25519.SignatureSize)
	sig[0] = 1
	return sig
}

func okpJWK(kid string, x []byte) []byte {
	return []byte(fmt.Sprintf(`{"kty":"OKP","crv":"Ed25519","kid":%q,"x":%q}`, kid, b64.EncodeToString(x)))
}

func TestEd25519SmallOrderKeyRefused(t *testing.T) {
	const identityX = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	forged := mustParse(t, b64json(`{"alg":"EdDSA","kid":"zero"}`)+"."+b64json(claimsJSON)+"."+b64.EncodeToString(forgedEdDSA()))
	set := []byte(`{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"zero","x":"` + identityX + `"}]}`)
	identity, _ := b64.DecodeString(identityX)

	loads := []struct {
		name string
		load func() (*KeySet, error)
	}{
		{"--jwks FILE", func() (*KeySet, error) {
			return Source{JWKS: "set.json", ReadFile: fakeFiles(map[string][]byte{"set.json": set})}.Load(context.Background(), forged)
		}},
		{"--jwks URL", func() (*KeySet, error) { return ParseJWKS(set, SourceJWKSURL, "https://keys.example/jwks") }},
		{"--key JWK", func() (*KeySet, error) { return ParseKeyFile(okpJWK("zero", identity), "zero.jwk") }},
		{"--key PEM", func() (*KeySet, error) {
			return ParseKeyFile(pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, ed25519.PublicKey(identity))), "zero.pem")
		}},
	}
	for _, l := range loads {
		ks, err := l.load()
		res := Verify(forged, Options{Keys: ks})
		if res.Signature.Status == StatusValid {
			t.Errorf("%s: a forged EdDSA signature (R = identity, S = 0) verified with the identity key", l.name)
		}
		if !errors.Is(err, ErrSmallOrderKey) || !errors.Is(err, ErrKeySource) {
			t.Errorf("%s: load error %v; want ErrKeySource and ErrSmallOrderKey", l.name, err)
		}
		if err != nil && !strings.Contains(err.Error(), "small order") {
			t.Errorf("%s: %q does not say why the key was refused", l.name, err)
		}
	}

	// Every encoding: Go accepts a forgery with it, and it is refused.
	for _, h := range smallOrderEncodings {
		x, err := hex.DecodeString(h)
		if err != nil || len(x) != ed25519.PublicKeySize {
			t.Fatalf("bad test encoding %s", h)
		}
		forgeable := false
		for i := range 64 {
			if ed25519.Verify(ed25519.PublicKey(x), []byte{byte(i)}, forgedEdDSA()) {
				forgeable = true
				break
			}
		}
		if !forgeable {
			t.Errorf("%s: no forgery verified in 64 messages; not a small-order key for Go?", h)
		}
		if _, err := ParseJWKS(jwksOf(t, okpJWK("k", x)), SourceJWKSFile, "set.json"); !errors.Is(err, ErrSmallOrderKey) {
			t.Errorf("%s: ParseJWKS = %v; want the key refused (ErrSmallOrderKey)", h, err)
		}
	}

	// A real key beside a small-order one: the set loads, the bad key is
	// listed as skipped with its kid.
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	ks, err := ParseJWKS(jwksOf(t, okpJWK("zero", identity), okpJWK("real", pub)), SourceJWKSFile, "mixed.json")
	if err != nil || len(ks.Skipped) != 1 || !strings.Contains(ks.Skipped[0], `"zero"`) {
		t.Fatalf("mixed set: %v, key set %+v", err, ks)
	}
	wantValid(t, "real Ed25519 key", Verify(mustParse(t, signCompact(t, jwt.SigningMethodEdDSA, priv, `{"alg":"EdDSA","kid":"real"}`, claimsJSON)), Options{Keys: ks}))
}

// TestOctKeyNeverFromASet: a key set never supplies an HMAC secret, from a
// URL or from a file; a single "oct" JWK named with --key still does.
func TestOctKeyNeverFromASet(t *testing.T) {
	secret := []byte("a shared secret long enough for HS256!")
	oct := jwkJSON(t, map[string]any{"kty": "oct", "k": b64.EncodeToString(secret)}, map[string]any{"kid": "hs"})
	set := jwksOf(t, oct, jwkJSON(t, demoJWK(t), nil))
	files := fakeFiles(map[string][]byte{"set.json": set, "octset.json": jwksOf(t, oct), "oct.jwk": oct, "secret.txt": secret})
	forged := mustParse(t, signCompact(t, jwt.SigningMethodHS256, secret, `{"alg":"HS256","kid":"hs"}`, claimsJSON))

	for _, src := range []Source{
		{JWKS: "set.json"},
		{JWKS: "octset.json"},
		{KeyFile: "set.json"},
		{KeyFile: "octset.json"},
	} {
		src.ReadFile = files
		what := fmt.Sprintf("--jwks %q --key %q", src.JWKS, src.KeyFile)
		ks, err := src.Load(context.Background(), forged)
		res := Verify(forged, Options{Keys: ks})
		if res.Signature.Status == StatusValid {
			t.Errorf("%s: an HS256 token verified with an \"oct\" key from a key set", what)
		}
		if err == nil && (len(ks.Skipped) != 1 || !strings.Contains(ks.Skipped[0], ErrHMACKeyInSet.Error())) {
			t.Errorf("%s: skipped %q; want the oct key, with the reason", what, ks.Skipped)
		}
		if err != nil && !errors.Is(err, ErrHMACKeyInSet) {
			t.Errorf("%s: %v; want ErrHMACKeyInSet", what, err)
		}
	}
	for _, src := range []Source{{KeyFile: "oct.jwk"}, {SecretFile: "secret.txt"}, {Secret: secret}} {
		src.ReadFile = files
		ks, err := src.Load(context.Background(), forged)
		if err != nil {
			t.Fatalf("%+v: %v", src, err)
		}
		wantValid(t, fmt.Sprintf("%s %s", ks.Kind, ks.Name), Verify(forged, Options{Keys: ks}))
	}
}

var testRSA1024 = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		panic(err)
	}
	return k
})

// findCheck returns the named check and whether res has it.
func findCheck(res Result, name string) (Check, bool) {
	for _, c := range res.Checks {
		if c.Name == name {
			return c, true
		}
	}
	return Check{}, false
}

func TestWeakRSAKey(t *testing.T) {
	const header = `{"alg":"RS256","kid":"weak"}`
	input := b64json(header) + "." + b64json(claimsJSON)
	setOf := func(pub *rsa.PublicKey) *KeySet {
		return mustJWKS(t, jwksOf(t, jwkJSON(t, rsaPublicJWK(pub), map[string]any{"kid": "weak"})), SourceJWKSFile, "weak.json")
	}

	t.Run("RSA-1024 verifies, and the weak key check fails", func(t *testing.T) {
		k := testRSA1024()
		res := Verify(mustParse(t, signCompact(t, jwt.SigningMethodRS256, k, header, claimsJSON)), Options{Keys: setOf(&k.PublicKey)})
		wantValid(t, "RSA-1024", res)
		c := check(t, res, "weak key")
		if c.Status != Fail || !strings.Contains(c.Detail, "1024 bits") || !strings.Contains(c.Detail, "2048") {
			t.Errorf("weak key check = %s %q; want fail naming 1024 bits and the 2048 minimum", c.Status, c.Detail)
		}
		if !res.Failed() {
			t.Error("Failed() = false with a 1024-bit key")
		}
	})

	for _, bits := range []int{512, 17} {
		t.Run(fmt.Sprintf("RSA-%d: the real reason, not a bad signature", bits), func(t *testing.T) {
			var pub *rsa.PublicKey
			var sig []byte
			if bits == 17 {
				pub, sig = &rsa.PublicKey{N: big.NewInt(99991), E: 65537}, []byte{1, 2, 3}
			} else {
				var sign func(string) []byte
				pub, sign = testseeds.RSAKeyOfBits(t, bits)
				sig = sign(input)
			}
			res := Verify(mustParse(t, input+"."+b64.EncodeToString(sig)), Options{Keys: setOf(pub)})
			if res.Signature.Status == StatusValid || errors.Is(res.Signature.Err, ErrBadSignature) || !errors.Is(res.Signature.Err, ErrWeakKey) {
				t.Errorf("signature %s (%v); want ErrWeakKey and not ErrBadSignature", res.Signature.Status, res.Signature.Err)
			}
			if want := fmt.Sprintf("%d bits", bits); !strings.Contains(res.Signature.Reason, want) {
				t.Errorf("reason %q does not say %q", res.Signature.Reason, want)
			}
			if c := check(t, res, "weak key"); c.Status != Fail {
				t.Errorf("weak key check = %s, want fail", c.Status)
			}
		})
	}

	t.Run("RSA-2048: no weak key check", func(t *testing.T) {
		k := testRSAKey()
		res := Verify(mustParse(t, signCompact(t, jwt.SigningMethodRS256, k, header, claimsJSON)), Options{Keys: setOf(&k.PublicKey)})
		wantValid(t, "RSA-2048", res)
		if c, ok := findCheck(res, "weak key"); ok {
			t.Errorf("weak key check %+v for a 2048-bit key", c)
		}
	})
}

// TestShortHMACSecretWarns: RFC 7518 §3.2 wants a secret at least as long
// as the hash output.
func TestShortHMACSecretWarns(t *testing.T) {
	for _, tc := range []struct {
		m    jwt.SigningMethod
		size int
		warn bool
	}{
		{jwt.SigningMethodHS256, 31, true},
		{jwt.SigningMethodHS256, 32, false},
		{jwt.SigningMethodHS384, 47, true},
		{jwt.SigningMethodHS384, 48, false},
		{jwt.SigningMethodHS512, 63, true},
		{jwt.SigningMethodHS512, 64, false},
	} {
		secret := []byte(strings.Repeat("s", tc.size))
		ks, err := NewSecret(secret, "secret.txt")
		if err != nil {
			t.Fatal(err)
		}
		tok := mustParse(t, signCompact(t, tc.m, secret, `{"alg":"`+tc.m.Alg()+`"}`, claimsJSON))
		res := Verify(tok, Options{Keys: ks})
		wantValid(t, tc.m.Alg(), res)
		warned := false
		for _, w := range res.Warnings {
			if strings.Contains(w, fmt.Sprintf("%d bytes", tc.size)) && strings.Contains(w, tc.m.Alg()) {
				warned = true
			}
		}
		if warned != tc.warn {
			t.Errorf("%s with a %d-byte secret: warnings %q; want a warning %v", tc.m.Alg(), tc.size, res.Warnings, tc.warn)
		}
	}
}

// TestEverySkippedKeySaysWhy: a set whose keys are all skipped names each
// key (index and kid) and the reason.
func TestEverySkippedKeySaysWhy(t *testing.T) {
	set := jwksOf(t,
		[]byte(`{"kty":"RSA","kid":"broken","n":"","e":"AQAB"}`),
		[]byte(`{"kty":"XYZ","kid":"alien"}`),
		[]byte(`{"kty":"EC","kid":"curve","crv":"P-192","x":"AA","y":"AA"}`),
	)
	_, err := ParseJWKS(set, SourceJWKSFile, "bad.json")
	if !errors.Is(err, ErrNoKeysInSet) {
		t.Fatalf("err = %v, want ErrNoKeysInSet", err)
	}
	for _, want := range []string{`key 0 (kid "broken")`, `key 1 (kid "alien")`, `key 2 (kid "curve")`, "P-192"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	// Many skipped keys: a bounded list.
	var many [][]byte
	for i := range 50 {
		many = append(many, []byte(fmt.Sprintf(`{"kty":"XYZ","kid":"k%d"}`, i)))
	}
	_, err = ParseJWKS(jwksOf(t, many...), SourceJWKSFile, "many.json")
	if err == nil || !strings.Contains(err.Error(), "and 40 more") || strings.Contains(err.Error(), `"k10"`) || len(err.Error()) > 2000 {
		t.Errorf("50 skipped keys: %d bytes: %.300q…", len(fmt.Sprint(err)), err)
	}
}
