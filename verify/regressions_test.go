package verify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/testseeds"
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
		der := testseeds.PublicKeyDER(t, &k.PublicKey)
		if ok(der[len(der)-1]) {
			return der
		}
	}
	t.Fatalf("no EC key with the wanted last DER byte in 10000 tries")
	return nil
}

// An "oct" key in a set fetched from a URL or by discovery is public: anyone
// who fetched it could sign with it, so it is skipped there. Since issue 13
// the same holds for a set in a local file (TestOctKeyNeverFromASet); only
// a single "oct" JWK named with --key verifies HMAC.
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
	wantInvalid(t, "oct key in a set from a file", Verify(tok, Options{Keys: mustJWKS(t, set, SourceJWKSFile, "set.json")}), ErrUnknownKID)
	wantValid(t, "oct key as a single --key JWK", Verify(tok, Options{Keys: mustKeyFile(t, oct, "oct.jwk")}))
}

// Found by the attack table (inspect/attacks_test.go): publicKeyMaterial
// recognised DER only as binary, so the same public key as base64 text — a
// JWK's x5c entry, or a PEM body without its BEGIN and END lines — was
// accepted as an HMAC secret, and an HS256 token MACed with that public
// text verified: RS256→HS256 confusion through --secret-file.
func TestRegressionBase64DERSecret(t *testing.T) {
	pub := &testRSAKey().PublicKey
	cert := selfSignedCert(t, testRSAKey())
	pemLines := strings.Split(strings.TrimSpace(string(rsaPublicPEM(t, pub))), "\n")
	for _, c := range []struct{ name, text string }{
		{"x5c entry (base64 certificate)", base64.StdEncoding.EncodeToString(cert)},
		{"PEM body without armour", strings.Join(pemLines[1:len(pemLines)-1], "\n") + "\n"},
		{"unpadded base64url PKIX", b64.EncodeToString(testseeds.PublicKeyDER(t, pub))},
	} {
		forged := mustParse(t, signCompact(t, jwt.SigningMethodHS256, []byte(c.text), `{"alg":"HS256"}`, claimsJSON))
		ks, err := NewSecret([]byte(c.text), "secret.txt")
		bugPresent(t, err == nil && Verify(forged, Options{Keys: ks}).Signature.Status == StatusValid,
			"%s accepted as an HMAC secret; an HS256 token MACed with it verifies", c.name)
		if !errors.Is(err, ErrPublicKeySecret) {
			t.Errorf("%s: NewSecret error %v, want ErrPublicKeySecret", c.name, err)
		}
		// The same text as an "oct" JWK's k is skipped the same way.
		oct := jwkJSON(t, map[string]any{"kty": "oct", "k": b64.EncodeToString([]byte(c.text))}, nil)
		if _, err := ParseKeyFile(oct, "oct.jwk"); !errors.Is(err, ErrNoKeysInSet) {
			t.Errorf("%s as an oct JWK: %v, want the key skipped (ErrNoKeysInSet)", c.name, err)
		}
	}
	// Ordinary base64 secrets are not public keys and still work.
	if _, err := NewSecret([]byte(base64.StdEncoding.EncodeToString([]byte("a random 32-byte shared secret!!"))), "b64.txt"); err != nil {
		t.Errorf("a base64 random secret is refused: %v", err)
	}
}

// Found by the attack table: with no key, an RS256 token whose signature
// was removed was "unverified" (exit 0) although no key can verify an empty
// signature; and a DER ES256 signature was only "signature does not
// match". Both are knowable from the token alone.
func TestRegressionSignatureShapeWithoutKey(t *testing.T) {
	rs := signCompact(t, jwt.SigningMethodRS256, testRSAKey(), `{"alg":"RS256"}`, claimsJSON)
	stripped := mustParse(t, rs[:strings.LastIndexByte(rs, '.')+1])
	res := Verify(stripped, Options{})
	bugPresent(t, res.Signature.Status == StatusUnverified, "an empty RS256 signature with no key is unverified")
	wantInvalid(t, "empty RS256 signature, no key", res, ErrBadSignature)
	if !strings.Contains(res.Signature.Reason, "the signature is empty") {
		t.Errorf("reason %q does not say the signature is empty", res.Signature.Reason)
	}

	k := testP256Key()
	in := b64json(`{"alg":"ES256"}`) + "." + b64json(claimsJSON)
	digest := sha256.Sum256([]byte(in))
	der, err := ecdsa.SignASN1(rand.Reader, k, digest[:])
	if err != nil {
		t.Fatal(err)
	}
	tok := mustParse(t, in+"."+b64.EncodeToString(der))
	key := mustKeyFile(t, pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, &k.PublicKey)), "p256.pem")
	for _, ks := range []*KeySet{nil, key} {
		res := Verify(tok, Options{Keys: ks})
		wantInvalid(t, "DER ES256 signature with "+keyDesc(ks), res, ErrBadSignature)
		if !strings.Contains(res.Signature.Reason, "ASN.1 DER") || !strings.Contains(res.Signature.Reason, "64 bytes of raw r||s") {
			t.Errorf("%s: reason %q does not explain the DER form", keyDesc(ks), res.Signature.Reason)
		}
	}
}

// Found by the attack table: "b64": false without "crit" was ignored, so a
// token the signer marked as RFC 7797 (unencoded payload) verified as an
// ordinary JWS; with "crit" the reason named only an unknown parameter.
func TestRegressionUnencodedPayload(t *testing.T) {
	keys := demoKeys(t)
	for _, header := range []string{
		`{"alg":"RS256","kid":"oidcscope-demo","b64":false}`,
		`{"alg":"RS256","kid":"oidcscope-demo","b64":false,"crit":["b64"]}`,
	} {
		tok := mustParse(t, signDemo(t, []byte(claimsJSON), []byte(header)))
		res := Verify(tok, Options{Keys: keys})
		bugPresent(t, res.Signature.Status == StatusValid, "%s verifies as an ordinary JWS", header)
		wantInvalid(t, header, res, ErrUnencodedPayload)
	}
	res := Verify(mustParse(t, signDemo(t, []byte(claimsJSON), []byte(`{"alg":"RS256","b64":"false"}`))), Options{Keys: keys})
	wantInvalid(t, `"b64" as a string`, res, ErrMalformed)
	// "b64": true is the default encoding, spelled out: nothing changes.
	wantValid(t, `"b64": true`, Verify(mustParse(t, signDemo(t, []byte(claimsJSON), []byte(`{"alg":"RS256","b64":true}`))), Options{Keys: keys}))
}

// TestHugeRSAKeyRefused: an RSA key over 16384 bits is skipped in a set and
// refused as --key, with its size in the reason; 16384 bits still load.
func TestHugeRSAKeyRefused(t *testing.T) {
	jwk := func(bits int) []byte {
		n := make([]byte, bits/8)
		n[0], n[len(n)-1] = 0xc1, 1
		return []byte(`{"kty":"RSA","kid":"big","e":"AQAB","n":"` + base64.RawURLEncoding.EncodeToString(n) + `"}`)
	}
	if _, err := ParseJWKS(jwk(16384), SourceJWKSFile, "ok.json"); err != nil {
		t.Errorf("16384 bits: %v", err)
	}
	_, err := ParseJWKS(jwk(16392), SourceJWKSFile, "big.json")
	if !errors.Is(err, ErrNoKeysInSet) {
		t.Fatalf("16392 bits in a set: %v, want ErrNoKeysInSet", err)
	}
	var demo struct{ Keys []json.RawMessage }
	if err := json.Unmarshal([]byte(fixtures.DemoJWKS()), &demo); err != nil {
		t.Fatal(err)
	}
	mixed, _ := json.Marshal(map[string]any{"keys": append([]json.RawMessage{jwk(20000)}, demo.Keys...)})
	ks, err := ParseJWKS(mixed, SourceJWKSFile, "mixed.json")
	if err != nil || len(ks.Skipped) != 1 || !strings.Contains(ks.Skipped[0], "20000 bits") {
		t.Errorf("mixed set: %v, skipped %v", err, ks)
	}
	if _, err := ParseKeyFile(jwk(20000), "big.jwk"); !errors.Is(err, ErrNoKeysInSet) && !errors.Is(err, ErrKeyTooLarge) {
		t.Errorf("--key with 20000 bits: %v", err)
	}
}

// TestUnknownKIDListsTen: the kids of a large set are listed ten at most.
func TestUnknownKIDListsTen(t *testing.T) {
	var keys []string
	for i := range 50 {
		x := sha256.Sum256([]byte{byte(i)}) // any 32 bytes load as an Ed25519 key
		keys = append(keys, string(okpJWK(fmt.Sprintf("k%d", i), x[:])))
	}
	ks, err := ParseJWKS([]byte(`{"keys":[`+strings.Join(keys, ",")+`]}`), SourceJWKSFile, "many.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ks.candidates("nope", true)
	if !errors.Is(err, ErrUnknownKID) || !strings.Contains(err.Error(), `"k9", … and 40 more`) || strings.Contains(err.Error(), `"k10"`) {
		t.Errorf("err = %v", err)
	}
}
