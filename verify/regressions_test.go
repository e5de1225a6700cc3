package verify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// Regression tests for defects found while writing the verification tests;
// each asserts the behaviour the fix established.

func bugPresent(t *testing.T, present bool, msg string, args ...any) {
	t.Helper()
	if present {
		t.Fatalf("regression: "+msg, args...)
	}
}

// A JWK's "alg" is enforced only when the token has a kid (keyfunc does it
// in the kid lookup); for a kid-less token candidates() ignores it, so the
// same key and token are refused or accepted depending on whether the
// header carries a kid.
func TestRegressionJWKAlgIgnoredWithoutKid(t *testing.T) {
	k := testRSAKey()
	set := mustJWKS(t, jwksOf(t, jwkJSON(t, rsaPublicJWK(&k.PublicKey), map[string]any{"kid": "rs-only", "alg": "RS256"})), SourceJWKSFile, "set")

	withKid := Verify(mustParse(t, signCompact(t, jwt.SigningMethodPS256, k, `{"alg":"PS256","kid":"rs-only"}`, claimsJSON)), Options{Keys: set})
	wantInvalid(t, "PS256 token with kid, JWK alg RS256", withKid, ErrKeyMismatch)

	noKid := Verify(mustParse(t, signCompact(t, jwt.SigningMethodPS256, k, `{"alg":"PS256"}`, claimsJSON)), Options{Keys: set})
	bugPresent(t, noKid.Signature.Status == StatusValid,
		`a kid-less PS256 token verifies with a JWK whose "alg" is RS256 (refused when the kid is present: %v)`, withKid.Signature.Err)
	wantInvalid(t, "PS256 token without kid, JWK alg RS256", noKid, ErrKeyMismatch)
}

// RFC 7517 §4.5 allows several keys of one set to share a kid when their
// kty differ. candidates() uses only the first key with the kid, so a token
// signed by the second is refused.
func TestRegressionSharedKidOnlyFirstKeyTried(t *testing.T) {
	ec := testP256Key()
	ecJWK := map[string]any{
		"kty": "EC", "crv": "P-256", "kid": "shared",
		"x": b64.EncodeToString(ec.X.FillBytes(make([]byte, 32))),
		"y": b64.EncodeToString(ec.Y.FillBytes(make([]byte, 32))),
	}
	set := mustJWKS(t, jwksOf(t,
		jwkJSON(t, rsaPublicJWK(&testRSAKey().PublicKey), map[string]any{"kid": "shared"}),
		jwkJSON(t, ecJWK, nil),
	), SourceJWKSFile, "set")
	tok := mustParse(t, signCompact(t, jwt.SigningMethodES256, ec, `{"alg":"ES256","kid":"shared"}`, claimsJSON))
	res := Verify(tok, Options{Keys: set})
	bugPresent(t, res.Signature.Status != StatusValid,
		"ES256 token with kid %q is refused (%v) although the set's second key with that kid (EC P-256) signed it; only the first key with a kid is tried", "shared", res.Signature.Err)
	wantValid(t, "shared kid, second key", res)
}

// NewSecret refuses public-key material as an HMAC secret, but an "oct"
// JWK whose "k" holds the same bytes loads through ParseJWKS/ParseKeyFile
// and verifies HS256: the guard is bypassed by wrapping the PEM in a JWK.
func TestRegressionOctJWKWithPublicKeyMaterial(t *testing.T) {
	pemBytes := rsaPublicPEM(t, &testRSAKey().PublicKey)
	tok := mustParse(t, signCompact(t, jwt.SigningMethodHS256, pemBytes, `{"alg":"HS256"}`, claimsJSON))
	oct := []byte(`{"kty":"oct","k":"` + b64.EncodeToString(pemBytes) + `"}`)

	ks, err := ParseKeyFile(oct, "oct.jwk")
	var res Result
	if err == nil {
		res = Verify(tok, Options{Keys: ks})
	}
	bugPresent(t, err == nil && res.Signature.Status == StatusValid,
		`an "oct" JWK whose k is an RSA public key PEM verifies an HS256 token; NewSecret refuses the same bytes (ErrPublicKeySecret)`)
	if err != nil && !errors.Is(err, ErrKeySource) {
		t.Errorf("ParseKeyFile error %v, want ErrKeySource (ideally also ErrPublicKeySecret)", err)
	}
	if err == nil {
		wantInvalid(t, "oct JWK holding a PEM", res, ErrHMACWithPublic)
	}
}

// ErrDiscoveryOffline is declared but never returned: with --discover and
// --offline together Load returns nil, nil, and the signature reads "no
// key given: pass --jwks …" although the user asked for discovery.
func TestRegressionDiscoverOfflineSilent(t *testing.T) {
	tok := mustParse(t, tokenForIssuer(t, "https://issuer.example", nil))
	ks, err := Source{Discover: true, Offline: true}.Load(context.Background(), tok)
	bugPresent(t, ks == nil && err == nil,
		"Source{Discover: true, Offline: true}.Load returns nil, nil; ErrDiscoveryOffline is never used")
	if !errors.Is(err, ErrDiscoveryOffline) {
		t.Errorf("error %v, want ErrDiscoveryOffline", err)
	}
}

// --key with a single JWK that has no kid cannot verify a token that has
// one: the kid lookup fails with `no key with this kid "k1" (the set has
// "")`, while the same key given as PEM verifies. A kid is a hint (RFC 7515
// §4.1.4); a kid-less key the user named explicitly should be tried.
func TestRegressionKidlessJWKvsTokenKid(t *testing.T) {
	k := testRSAKey()
	tok := mustParse(t, signCompact(t, jwt.SigningMethodRS256, k, `{"alg":"RS256","kid":"k1"}`, claimsJSON))
	wantValid(t, "same key as PEM", Verify(tok, Options{Keys: mustKeyFile(t, rsaPublicPEM(t, &k.PublicKey), "k.pem")}))

	res := Verify(tok, Options{Keys: mustKeyFile(t, jwkJSON(t, rsaPublicJWK(&k.PublicKey), nil), "k.jwk")})
	bugPresent(t, errors.Is(res.Signature.Err, ErrUnknownKID),
		"--key k.jwk (no kid) vs token kid %q: %s; the same key as PEM verifies", "k1", res.Signature.Reason)
	wantValid(t, "kid-less JWK via --key", res)
}

// publicKeyMaterial (behind NewSecret) runs bytes.TrimSpace before trying
// the DER parsers, so DER whose last byte happens to be 0x09-0x0d or 0x20
// no longer parses and is accepted as an HMAC secret. The last byte of a
// certificate is the end of its signature and of an EC PKIX key the end of
// Y, so about 6 in 256 such files slip through: the RS256→HS256 confusion
// guard fails for them (and did make TestAlgConfusion flaky before its
// certificate was pinned to a non-whitespace last byte).
func TestRegressionDERSecretEndingInWhitespace(t *testing.T) {
	ws := func(last byte) bool { return isASCIISpace(last) }
	cert := selfSignedCertWhere(t, testP256Key(), ws)
	ecDER := ecPKIXDERWhere(t, ws)
	var accepted []string
	for _, c := range []struct {
		name string
		der  []byte
	}{{"certificate DER", cert}, {"EC PKIX DER", ecDER}} {
		if _, err := NewSecret(c.der, c.name); err == nil {
			accepted = append(accepted, fmt.Sprintf("%s ending in %#02x", c.name, c.der[len(c.der)-1]))
		} else if !errors.Is(err, ErrPublicKeySecret) {
			t.Errorf("%s: %v, want ErrPublicKeySecret", c.name, err)
		}
	}
	bugPresent(t, len(accepted) > 0, "NewSecret accepts public-key DER as an HMAC secret when its last byte is ASCII whitespace: %v", accepted)
}

// ecPKIXDERWhere generates P-256 keys until the PKIX DER's last byte
// satisfies ok (about 1 in 43 for whitespace; EC generation is cheap).
func ecPKIXDERWhere(t *testing.T, ok func(last byte) bool) []byte {
	t.Helper()
	for range 10000 {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		der := pkixDER(t, &k.PublicKey)
		if ok(der[len(der)-1]) {
			return der
		}
	}
	t.Fatalf("no EC key with the wanted last DER byte in 10000 tries")
	return nil
}

// An "oct" key in a set fetched from a URL or by discovery is public: anyone
// who fetched it could sign with it, so it is skipped there, while the same
// key from a local file still verifies HMAC.
func TestOctKeyFromURLIsNotUsed(t *testing.T) {
	secret := []byte("a shared secret long enough for HS256!")
	oct := jwkJSON(t, map[string]any{"kty": "oct", "k": b64.EncodeToString(secret)}, map[string]any{"kid": "hs"})
	set := jwksOf(t, oct, jwkJSON(t, demoJWK(t), nil))
	tok := mustParse(t, signCompact(t, jwt.SigningMethodHS256, secret, `{"alg":"HS256","kid":"hs"}`, claimsJSON))
	for _, kind := range []SourceKind{SourceJWKSURL, SourceDiscovery} {
		ks := mustJWKS(t, set, kind, "https://issuer.example/jwks")
		if len(ks.Skipped) != 1 {
			t.Errorf("%s: skipped = %q, want the oct key", kind, ks.Skipped)
		}
		wantInvalid(t, string(kind)+" oct key", Verify(tok, Options{Keys: ks}), ErrUnknownKID)
	}
	wantValid(t, "oct key from a file", Verify(tok, Options{Keys: mustJWKS(t, set, SourceJWKSFile, "set.json")}))
}
