package verify

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// Key material and the ways it goes wrong: algorithm confusion, key
// sources, JWK metadata, critical headers, --algs, and the unverified state.

const claimsJSON = `{"iss":"https://issuer.example","sub":"test","aud":"test","iat":1767225600}`

// TestAlgConfusion: RS256→HS256 key confusion (CVE-2015-9235). The HMAC
// secret is the RSA public key in the form a verifier would hold it.
func TestAlgConfusion(t *testing.T) {
	pub := &testRSAKey().PublicKey
	pemBytes := rsaPublicPEM(t, pub)
	pkcs1PEM := pemOf("RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(pub))
	derBytes := testseeds.PublicKeyDER(t, pub)
	jwkBytes := jwkJSON(t, rsaPublicJWK(pub), nil)
	jwkSetBytes := jwksOf(t, jwkJSON(t, rsaPublicJWK(pub), map[string]any{"kid": "rsa-1"}))
	// DER whose last byte is not ASCII whitespace: see
	// TestBugDERSecretEndingInWhitespace for the other kind.
	certDER := selfSignedCertWhere(t, testRSAKey(), func(last byte) bool { return !isASCIISpace(last) })

	cases := []struct {
		name     string
		material []byte
		keyFile  bool // also loadable with --key (PEM or JWK)
	}{
		{"PKIX PEM", pemBytes, true},
		{"PKIX PEM with CRLF and leading blank line", []byte("\r\n" + strings.ReplaceAll(string(pemBytes), "\n", "\r\n")), true},
		{"PKCS#1 PEM", pkcs1PEM, true},
		{"certificate PEM", pemOf("CERTIFICATE", certDER), true},
		{"PKIX DER", derBytes, false},
		{"PKCS#1 DER", x509.MarshalPKCS1PublicKey(pub), false},
		{"certificate DER", certDER, false},
		{"JWK", jwkBytes, true},
		{"JWK Set", jwkSetBytes, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The attacker signs HS256 with the public key bytes as secret.
			forged := signCompact(t, jwt.SigningMethodHS256, c.material, `{"alg":"HS256","typ":"JWT"}`, claimsJSON)
			tok := mustParse(t, forged)

			// --secret-file / OIDCSCOPE_SECRET refuse the material outright.
			_, err := NewSecret(c.material, "secret.txt")
			if !errors.Is(err, ErrPublicKeySecret) || !errors.Is(err, ErrKeySource) {
				t.Errorf("NewSecret(%s) error = %v, want ErrPublicKeySecret and ErrKeySource", c.name, err)
			}
			_, err = Source{SecretFile: "secret.txt", ReadFile: fakeFiles(map[string][]byte{"secret.txt": c.material})}.Load(context.Background(), tok)
			if !errors.Is(err, ErrPublicKeySecret) {
				t.Errorf("Source{SecretFile}.Load(%s) error = %v, want ErrPublicKeySecret", c.name, err)
			}
			_, err = Source{Secret: c.material}.Load(context.Background(), tok)
			if !errors.Is(err, ErrPublicKeySecret) {
				t.Errorf("Source{Secret}.Load(%s) error = %v, want ErrPublicKeySecret", c.name, err)
			}

			// --key loads it as a public key, which never verifies HMAC.
			if c.keyFile {
				ks := mustKeyFile(t, c.material, "key."+c.name)
				res := Verify(tok, Options{Keys: ks})
				wantInvalid(t, "HS256 forged with "+c.name+" via --key", res, ErrHMACWithPublic)
				if !strings.Contains(res.Signature.Reason, "RSA-2048 public key") {
					t.Errorf("reason %q should say which key was refused", res.Signature.Reason)
				}
			}
		})
	}

	// Same attack with a kid: the JWK is found by kid and still refused.
	t.Run("JWK Set by kid", func(t *testing.T) {
		forged := signCompact(t, jwt.SigningMethodHS256, jwkSetBytes, `{"alg":"HS256","kid":"rsa-1"}`, claimsJSON)
		res := Verify(mustParse(t, forged), Options{Keys: mustJWKS(t, jwkSetBytes, SourceJWKSFile, "set")})
		wantInvalid(t, "HS256 with kid of an RSA JWK", res, ErrHMACWithPublic)
	})
	t.Run("demo JWKS PEM", func(t *testing.T) {
		forged := signCompact(t, jwt.SigningMethodHS256, fixtures.DemoPublicKeyPEM(), `{"alg":"HS256","kid":"oidcscope-demo"}`, claimsJSON)
		res := Verify(mustParse(t, forged), Options{Keys: demoKeys(t)})
		if res.Signature.Status == StatusValid {
			t.Fatalf("HS256 token MACed with the demo public PEM verified against the demo JWKS")
		}
		// The demo JWK says alg RS256: keyfunc refuses before fitKey runs.
		if !errors.Is(res.Signature.Err, ErrKeyMismatch) && !errors.Is(res.Signature.Err, ErrHMACWithPublic) {
			t.Errorf("Err = %v, want ErrKeyMismatch or ErrHMACWithPublic", res.Signature.Err)
		}
	})
}

// TestKeyTypeMismatch: a key that cannot have made the signature is
// refused as the wrong kind before any crypto, with a reason that says so.
func TestKeyTypeMismatch(t *testing.T) {
	rsaTok := signCompact(t, jwt.SigningMethodRS256, testRSAKey(), `{"alg":"RS256"}`, claimsJSON)
	es384Tok := signCompact(t, jwt.SigningMethodES384, testP384Key(), `{"alg":"ES384"}`, claimsJSON)
	es256Tok := signCompact(t, jwt.SigningMethodES256, testP256Key(), `{"alg":"ES256"}`, claimsJSON)
	_, edPriv, _ := ed25519.GenerateKey(rand.Reader)
	edTok := signCompact(t, jwt.SigningMethodEdDSA, edPriv, `{"alg":"EdDSA"}`, claimsJSON)

	secret, err := NewSecret([]byte("a perfectly good HMAC secret"), "secret")
	if err != nil {
		t.Fatal(err)
	}
	p256 := mustKeyFile(t, pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, &testP256Key().PublicKey)), "p256.pem")
	rsaPEM := mustKeyFile(t, rsaPublicPEM(t, &testRSAKey().PublicKey), "rsa.pem")
	octJWK := mustKeyFile(t, []byte(`{"kty":"oct","k":"`+b64json("a perfectly good HMAC secret")+`"}`), "oct.jwk")

	cases := []struct {
		name   string
		token  string
		keys   *KeySet
		reason []string
	}{
		{"RS256 token, HMAC secret", rsaTok, secret, []string{"HMAC secret", "RS256"}},
		{"RS256 token, oct JWK", rsaTok, octJWK, []string{"HMAC secret", "RS256"}},
		{"ES384 token, P-256 key", es384Tok, p256, []string{"P-384", "P-256"}},
		{"ES256 token, RSA key", es256Tok, rsaPEM, []string{"ES256", "RSA-2048"}},
		{"EdDSA token, RSA key", edTok, rsaPEM, []string{"EdDSA", "RSA-2048"}},
		{"RS256 token, P-256 key", rsaTok, p256, []string{"RS256", "P-256"}},
		{"ES256 token, HMAC secret", es256Tok, secret, []string{"HMAC secret", "ES256"}},
	}
	for _, c := range cases {
		res := Verify(mustParse(t, c.token), Options{Keys: c.keys})
		wantInvalid(t, c.name, res, ErrKeyMismatch)
		for _, s := range c.reason {
			if !strings.Contains(res.Signature.Reason, s) {
				t.Errorf("%s: reason %q does not mention %q", c.name, res.Signature.Reason, s)
			}
		}
	}
}

// TestKeyFileFormats: --key accepts PEM public keys, certificates and
// private keys (reduced to the public half) and single JWKs.
func TestKeyFileFormats(t *testing.T) {
	rsaKey, p256 := testRSAKey(), testP256Key()
	edPub, edPriv, _ := ed25519.GenerateKey(rand.Reader)
	rsaTok := signCompact(t, jwt.SigningMethodRS256, rsaKey, `{"alg":"RS256"}`, claimsJSON)
	psTok := signCompact(t, jwt.SigningMethodPS256, rsaKey, `{"alg":"PS256"}`, claimsJSON)
	esTok := signCompact(t, jwt.SigningMethodES256, p256, `{"alg":"ES256"}`, claimsJSON)
	edTok := signCompact(t, jwt.SigningMethodEdDSA, edPriv, `{"alg":"EdDSA"}`, claimsJSON)

	pkcs8 := func(k any) []byte {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return pemOf("PRIVATE KEY", der)
	}
	ecDER, err := x509.MarshalECPrivateKey(p256)
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name     string
		file     []byte
		token    string
		kind     SourceKind
		wantKind string // in the reason: the key that verified, always public
	}{
		{"RSA PKIX public PEM", rsaPublicPEM(t, &rsaKey.PublicKey), rsaTok, SourcePEM, "RSA-2048 public key"},
		{"RSA PKCS#1 public PEM", pemOf("RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(&rsaKey.PublicKey)), psTok, SourcePEM, "RSA-2048 public key"},
		{"RSA certificate", pemOf("CERTIFICATE", selfSignedCert(t, rsaKey)), rsaTok, SourcePEM, "RSA-2048 public key"},
		{"RSA PKCS#1 private PEM", pemOf("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rsaKey)), rsaTok, SourcePEM, "RSA-2048 public key"},
		{"RSA PKCS#8 private PEM", pkcs8(rsaKey), psTok, SourcePEM, "RSA-2048 public key"},
		{"EC PKIX public PEM", pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, &p256.PublicKey)), esTok, SourcePEM, "EC P-256 public key"},
		{"EC certificate", pemOf("CERTIFICATE", selfSignedCert(t, p256)), esTok, SourcePEM, "EC P-256 public key"},
		{"EC SEC1 private PEM", pemOf("EC PRIVATE KEY", ecDER), esTok, SourcePEM, "EC P-256 public key"},
		{"EC PKCS#8 private PEM", pkcs8(p256), esTok, SourcePEM, "EC P-256 public key"},
		{"Ed25519 PKIX public PEM", pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, edPub)), edTok, SourcePEM, "Ed25519 public key"},
		{"Ed25519 certificate", pemOf("CERTIFICATE", selfSignedCert(t, edPriv)), edTok, SourcePEM, "Ed25519 public key"},
		{"Ed25519 PKCS#8 private PEM", pkcs8(edPriv), edTok, SourcePEM, "Ed25519 public key"},
		{"PEM with text around it", append([]byte("my key:\n"), rsaPublicPEM(t, &rsaKey.PublicKey)...), rsaTok, SourcePEM, "RSA-2048 public key"},
		{"RSA public JWK", jwkJSON(t, rsaPublicJWK(&rsaKey.PublicKey), nil), rsaTok, SourceJWK, "RSA-2048 public key"},
		{"JWK with surrounding whitespace", append(append([]byte("\n  "), jwkJSON(t, rsaPublicJWK(&rsaKey.PublicKey), nil)...), '\n'), rsaTok, SourceJWK, "RSA-2048 public key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ks, err := ParseKeyFile(c.file, "key-file")
			if err != nil {
				t.Fatalf("ParseKeyFile: %v", err)
			}
			if ks.Kind != c.kind {
				t.Errorf("Kind = %q, want %q", ks.Kind, c.kind)
			}
			res := Verify(mustParse(t, c.token), Options{Keys: ks})
			wantValid(t, c.name, res)
			if !strings.Contains(res.Signature.Reason, c.wantKind) {
				t.Errorf("reason %q, want it to name %q (private keys are reduced to public)", res.Signature.Reason, c.wantKind)
			}
			// A different key of the same type does not verify.
			other := mustKeyFile(t, rsaPublicPEM(t, &testRSAKey2().PublicKey), "other.pem")
			if strings.HasPrefix(c.wantKind, "RSA") {
				wantInvalid(t, c.name+" with another RSA key", Verify(mustParse(t, c.token), Options{Keys: other}), ErrBadSignature)
			}
		})
	}

	bad := []struct{ name, file string }{
		{"empty", ""},
		{"text", "hello, I am not a key"},
		{"PEM of garbage", string(pemOf("PUBLIC KEY", []byte("garbage")))},
		{"unknown PEM type", string(pemOf("SOMETHING ELSE", []byte{1, 2, 3}))},
		{"broken JWK", `{"kty":"RSA","n":"","e":""}`},
		{"not JSON", `{kty: RSA}`},
	}
	for _, b := range bad {
		ks, err := ParseKeyFile([]byte(b.file), "key-file")
		if !errors.Is(err, ErrKeySource) || ks != nil {
			t.Errorf("ParseKeyFile(%s) = %v, %v; want nil and ErrKeySource", b.name, ks, err)
		}
	}

	// Through Source: the file is read with ReadFile, a missing file is a
	// key-source error naming the flag.
	tok := mustParse(t, rsaTok)
	files := fakeFiles(map[string][]byte{"k.pem": rsaPublicPEM(t, &rsaKey.PublicKey)})
	ks, err := Source{KeyFile: "k.pem", ReadFile: files}.Load(context.Background(), tok)
	if err != nil || ks == nil || ks.Kind != SourcePEM || ks.Name != "k.pem" {
		t.Fatalf("Source{KeyFile}.Load = %+v, %v; want a PEM key set named k.pem", ks, err)
	}
	wantValid(t, "Source{KeyFile}", Verify(tok, Options{Keys: ks}))
	_, err = Source{KeyFile: "missing.pem", ReadFile: files, Names: flagwords.Names}.Load(context.Background(), tok)
	if !errors.Is(err, ErrKeySource) || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "--key") {
		t.Errorf("missing --key file: %v; want ErrKeySource wrapping os.ErrNotExist and naming --key", err)
	}
}

// TestJWKSetLoading: one bad key does not spoil a set; a set with no
// usable key is a key-source error.
func TestJWKSetLoading(t *testing.T) {
	good := jwkJSON(t, demoJWK(t), nil)
	broken := []byte(`{"kty":"RSA","kid":"broken","n":"","e":"AQAB"}`)
	unknownKty := []byte(`{"kty":"XYZ","kid":"alien"}`)
	badCurve := []byte(`{"kty":"EC","kid":"curve","crv":"P-192","x":"AA","y":"AA"}`)

	ks, err := ParseJWKS(jwksOf(t, broken, good), SourceJWKSFile, "mixed.json")
	if err != nil {
		t.Fatalf("set with one broken and one good key: %v", err)
	}
	if len(ks.Skipped) != 1 || !strings.HasPrefix(ks.Skipped[0], `key 0 (kid "broken"):`) {
		t.Errorf("Skipped = %q, want exactly the broken key 0", ks.Skipped)
	}
	if len(ks.KIDs) != 1 || ks.KIDs[0] != fixtures.DemoKID {
		t.Errorf("KIDs = %q, want [%q]", ks.KIDs, fixtures.DemoKID)
	}
	res := Verify(mustParse(t, demoToken(t, "push-main")), Options{Keys: ks, At: fixtures.StaticNow()})
	wantValid(t, "demo token against a set with one broken key", res)

	allBad := []struct {
		name string
		data []byte
		is   []error
	}{
		{"all keys broken", jwksOf(t, broken, unknownKty, badCurve), []error{ErrKeySource, ErrNoKeysInSet}},
		{"empty keys", []byte(`{"keys":[]}`), []error{ErrKeySource, ErrNoKeysInSet}},
		{"single broken JWK", broken, []error{ErrKeySource, ErrNoKeysInSet}},
		{"keys not an array", []byte(`{"keys":{}}`), []error{ErrKeySource}},
		{"neither keys nor kty", []byte(`{"issuer":"https://x"}`), []error{ErrKeySource}},
		{"not JSON", []byte(`<html>`), []error{ErrKeySource}},
		{"JSON array", []byte(`[]`), []error{ErrKeySource}},
	}
	for _, c := range allBad {
		ks, err := ParseJWKS(c.data, SourceJWKSFile, c.name+".json")
		if ks != nil {
			t.Errorf("%s: got a key set %+v, want none", c.name, ks)
		}
		for _, want := range c.is {
			if !errors.Is(err, want) {
				t.Errorf("%s: error %v, want errors.Is %v", c.name, err, want)
			}
		}
		if err != nil && !strings.Contains(err.Error(), c.name+".json") {
			t.Errorf("%s: error %q does not name the source", c.name, err)
		}
	}
}

// TestKeySelection: kid lookup, kid-less tokens against a set, and JWK
// "use"/"key_ops".
func TestKeySelection(t *testing.T) {
	demo := demoJWK(t)
	otherJWK := jwkJSON(t, rsaPublicJWK(&testRSAKey2().PublicKey), map[string]any{"kid": "other", "alg": "RS256", "use": "sig"})
	payload := demoPayload(t)
	at := fixtures.StaticNow()
	withKid := signDemo(t, payload, nil)
	noKid := signDemo(t, payload, []byte(`{"alg":"RS256","typ":"JWT"}`))
	unknownKid := signDemo(t, payload, []byte(`{"alg":"RS256","kid":"rotated-away","typ":"JWT"}`))

	t.Run("unknown kid", func(t *testing.T) {
		set := mustJWKS(t, jwksOf(t, otherJWK, jwkJSON(t, demo, nil)), SourceJWKSFile, "two.json")
		res := Verify(mustParse(t, unknownKid), Options{Keys: set, At: at})
		wantUnverified(t, "kid not in the set", res, ErrUnknownKID)
		for _, s := range []string{`"rotated-away"`, `"other"`, `"oidcscope-demo"`} {
			if !strings.Contains(res.Signature.Reason, s) {
				t.Errorf("reason %q should list %s (the token's kid and every kid in the set)", res.Signature.Reason, s)
			}
		}
	})

	for _, order := range []string{"demo first", "demo second"} {
		t.Run("no kid, two keys, "+order, func(t *testing.T) {
			keys := [][]byte{jwkJSON(t, demo, nil), otherJWK}
			if order == "demo second" {
				keys[0], keys[1] = keys[1], keys[0]
			}
			set := mustJWKS(t, jwksOf(t, keys...), SourceJWKSFile, "two.json")
			res := Verify(mustParse(t, noKid), Options{Keys: set, At: at})
			wantValid(t, "kid-less token against two keys ("+order+")", res)
			if res.Signature.KeyID != fixtures.DemoKID {
				t.Errorf("KeyID = %q, want %q: the key that verified", res.Signature.KeyID, fixtures.DemoKID)
			}
			if !strings.Contains(res.Signature.Reason, fixtures.DemoKID) {
				t.Errorf("reason %q should name the kid that verified", res.Signature.Reason)
			}
		})
	}
	t.Run("no kid, no key fits", func(t *testing.T) {
		third := jwkJSON(t, rsaPublicJWK(&testRSAKey().PublicKey), map[string]any{"kid": "third"})
		set := mustJWKS(t, jwksOf(t, otherJWK, third), SourceJWKSFile, "two.json")
		res := Verify(mustParse(t, noKid), Options{Keys: set, At: at})
		wantInvalid(t, "kid-less token, neither key signed it", res, ErrBadSignature)
		if !strings.Contains(res.Signature.Reason, "tried 2 keys") {
			t.Errorf("reason %q should say both keys were tried", res.Signature.Reason)
		}
	})

	meta := []struct {
		name  string
		extra map[string]any
		valid bool
	}{
		{`use "sig"`, map[string]any{"use": "sig"}, true},
		{`use "enc"`, map[string]any{"use": "enc"}, false},
		{`key_ops ["verify"]`, map[string]any{"use": nil, "key_ops": []string{"verify"}}, true},
		{`key_ops ["sign","verify"]`, map[string]any{"use": nil, "key_ops": []string{"sign", "verify"}}, true},
		{`key_ops ["encrypt"]`, map[string]any{"use": nil, "key_ops": []string{"encrypt"}}, false},
		{`key_ops ["sign"]`, map[string]any{"use": nil, "key_ops": []string{"sign"}}, false},
		{`no use, no key_ops`, map[string]any{"use": nil}, true},
	}
	for _, m := range meta {
		for _, tokName := range []string{"kid", "no kid"} {
			t.Run(m.name+", token with "+tokName, func(t *testing.T) {
				tok := withKid
				if tokName == "no kid" {
					tok = noKid
				}
				set, err := ParseJWKS(jwksOf(t, jwkJSON(t, demo, m.extra)), SourceJWKSFile, "meta.json")
				if err != nil {
					// Refusing the key at load time is also a refusal.
					if m.valid {
						t.Fatalf("ParseJWKS: %v", err)
					}
					return
				}
				res := Verify(mustParse(t, tok), Options{Keys: set, At: at})
				if m.valid {
					wantValid(t, m.name, res)
				} else {
					wantInvalid(t, m.name, res, ErrKeyUse)
				}
			})
		}
	}
}

// TestCritHeader: RFC 7515 §4.1.11 — an unknown critical parameter makes
// the token invalid, even with a correct signature, even without a key.
func TestCritHeader(t *testing.T) {
	payload := demoPayload(t)
	cases := []struct{ name, header string }{
		{"crit exp", `{"alg":"RS256","kid":"oidcscope-demo","typ":"JWT","crit":["exp"],"exp":1767225900}`},
		{"crit b64", `{"alg":"RS256","kid":"oidcscope-demo","crit":["b64"],"b64":true}`},
		{"crit empty", `{"alg":"RS256","kid":"oidcscope-demo","crit":[]}`},
		{"crit not an array", `{"alg":"RS256","kid":"oidcscope-demo","crit":"exp","exp":1}`},
		{"crit non-string", `{"alg":"RS256","kid":"oidcscope-demo","crit":[1]}`},
	}
	for _, c := range cases {
		tok := mustParse(t, signDemo(t, payload, []byte(c.header)))
		for _, ks := range []*KeySet{demoKeys(t), nil} {
			res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()})
			wantInvalid(t, fmt.Sprintf("%s with %s", c.name, keyDesc(ks)), res, ErrUnknownCrit)
		}
	}
}

// TestHeaderProblems: duplicate or mistyped header parameters make the
// signature invalid whatever the key.
func TestHeaderProblems(t *testing.T) {
	payload := demoPayload(t)
	cases := []struct {
		name, header string
		cause        error
	}{
		{"duplicate alg", `{"alg":"RS256","alg":"none","kid":"oidcscope-demo"}`, ErrDuplicateHeader},
		{"duplicate kid", `{"alg":"RS256","kid":"oidcscope-demo","kid":"x"}`, ErrDuplicateHeader},
		{"alg not a string", `{"alg":["RS256"],"kid":"oidcscope-demo"}`, ErrMalformed},
		{"kid not a string", `{"alg":"RS256","kid":7}`, ErrMalformed},
		{"no alg", `{"kid":"oidcscope-demo"}`, ErrMalformed},
		{"header not JSON", `{alg:RS256}`, ErrMalformed},
	}
	for _, c := range cases {
		tok := mustParse(t, signDemo(t, payload, []byte(c.header)))
		res := Verify(tok, Options{Keys: demoKeys(t), At: fixtures.StaticNow()})
		wantInvalid(t, c.name, res, c.cause)
	}
}

// TestEmbeddedKeyHeaders: a token naming its own key (jwk, jku, x5u, x5c)
// is warned about and the key is never used.
func TestEmbeddedKeyHeaders(t *testing.T) {
	attacker := testRSAKey2()
	embedded := string(jwkJSON(t, rsaPublicJWK(&attacker.PublicKey), nil))
	header := `{"alg":"RS256","jwk":` + embedded + `,"jku":"https://evil.example/jwks","x5u":"https://evil.example/cert","x5c":["AAAA"]}`
	tok := mustParse(t, signCompact(t, jwt.SigningMethodRS256, attacker, header, claimsJSON))

	res := Verify(tok, Options{})
	if res.Signature.Status != StatusUnverified {
		t.Errorf("no key, embedded jwk: signature %s (%s), want unverified: the token's own key is never used", res.Signature.Status, res.Signature.Reason)
	}
	res = Verify(tok, Options{Keys: demoKeys(t)})
	wantInvalid(t, "embedded jwk vs the demo JWKS", res, ErrBadSignature)
	for _, name := range []string{"jku", "x5u", "jwk", "x5c"} {
		found := false
		for _, w := range res.Warnings {
			found = found || strings.Contains(w, `"`+name+`"`)
		}
		if !found {
			t.Errorf("no warning about the %q header; warnings: %q", name, res.Warnings)
		}
	}
}

// TestAlgsRestriction: --algs restricts what may verify; the alg check
// says why.
func TestAlgsRestriction(t *testing.T) {
	tok := mustParse(t, demoToken(t, "push-main"))
	at := fixtures.StaticNow()

	res := Verify(tok, Options{Keys: demoKeys(t), Algs: []string{"ES256"}, At: at})
	wantInvalid(t, "RS256 token with Algs [ES256]", res, ErrAlgNotAllowed)
	if c := check(t, res, "alg"); c.Status != Fail || !strings.Contains(c.Detail, "ES256") || !strings.Contains(c.Detail, "RS256") {
		t.Errorf("alg check = %s %q, want fail naming RS256 and the allowed ES256", c.Status, c.Detail)
	}
	// The restriction holds without keys too: the token is refused, not
	// merely unverified.
	res = Verify(tok, Options{Algs: []string{"ES256"}, At: at})
	wantInvalid(t, "RS256 token with Algs [ES256], no key", res, ErrAlgNotAllowed)

	res = Verify(tok, Options{Keys: demoKeys(t), Algs: []string{"ES256", "RS256"}, At: at})
	wantValid(t, "RS256 token with Algs [ES256 RS256]", res)
	if c := check(t, res, "alg"); c.Status != Pass || !strings.Contains(c.Detail, "allowed") {
		t.Errorf("alg check = %s %q, want pass saying it is allowed", c.Status, c.Detail)
	}
	// Exact case: "rs256" does not allow RS256.
	res = Verify(tok, Options{Keys: demoKeys(t), Algs: []string{"rs256"}, At: at})
	wantInvalid(t, "RS256 token with Algs [rs256]", res, ErrAlgNotAllowed)

	// Unsupported algorithms are unsupported, not invalid or valid.
	for _, alg := range []string{"HS1", "RS1", "ES256K", "rs256", "Ed25519"} {
		u := mustParse(t, signDemo(t, demoPayload(t), []byte(`{"alg":"`+alg+`","kid":"oidcscope-demo"}`)))
		r := Verify(u, Options{Keys: demoKeys(t), At: at})
		if r.Signature.Status != StatusUnsupported || !errors.Is(r.Signature.Err, ErrAlgUnsupported) {
			t.Errorf("alg %q: %s (%v), want unsupported ErrAlgUnsupported", alg, r.Signature.Status, r.Signature.Err)
		}
		if c := check(t, r, "alg"); c.Status != Fail {
			t.Errorf("alg %q: alg check %s, want fail", alg, c.Status)
		}
	}
}

// TestNoKeyIsUnverified: without a key the signature is unverified — a
// skip, not a failure — and the result fails only for the claims.
func TestNoKeyIsUnverified(t *testing.T) {
	tok := mustParse(t, demoToken(t, "push-main"))
	res := Verify(tok, Options{At: fixtures.StaticNow(), Issuer: "https://token.actions.githubusercontent.com", Audiences: []string{"sts.amazonaws.com"}, Names: flagwords.Names})
	sig := res.Signature
	if sig.Status != StatusUnverified || sig.Err != nil || sig.KeySource != SourceNone {
		t.Errorf("no key: signature %s, Err %v, KeySource %q; want unverified, nil Err, none", sig.Status, sig.Err, sig.KeySource)
	}
	if !strings.Contains(sig.Reason, "--jwks") {
		t.Errorf("reason %q should say how to give a key", sig.Reason)
	}
	if c := check(t, res, "signature"); c.Status != Skip {
		t.Errorf("signature check = %s, want skip: unverified is not a failure", c.Status)
	}
	if res.Failed() {
		t.Errorf("Failed() = true with no key and good claims: %+v", res.Checks)
	}
	// Expired and unverified: the exp check fails, the signature still skips.
	late := Verify(tok, Options{At: fixtures.StaticNow().Add(time.Hour)})
	if !late.Failed() || check(t, late, "exp").Status != Fail || check(t, late, "signature").Status != Skip {
		t.Errorf("expired, no key: Failed %v, exp %s, signature %s; want true, fail, skip", late.Failed(), check(t, late, "exp").Status, check(t, late, "signature").Status)
	}
	// A Source with nothing in it loads no keys and no error.
	ks, err := Source{Offline: true}.Load(context.Background(), tok)
	if ks != nil || err != nil {
		t.Errorf("empty Source: %v, %v; want nil, nil", ks, err)
	}
}

// TestHMACSecretFile: a secret file ending in a newline still verifies a
// token MACed without it, and the reason says so.
func TestHMACSecretFile(t *testing.T) {
	const secret = "correct horse battery staple"
	tok := mustParse(t, signCompact(t, jwt.SigningMethodHS256, []byte(secret), `{"alg":"HS256","typ":"JWT"}`, claimsJSON))
	cases := []struct {
		name, file string
		valid      bool
		newline    bool // the reason mentions the trailing newline
	}{
		{"exact", secret, true, false},
		{"trailing LF", secret + "\n", true, true},
		{"trailing CRLF", secret + "\r\n", true, true},
		{"two trailing LFs", secret + "\n\n", true, true},
		{"trailing space", secret + " ", false, false},
		{"other secret", "wrong secret\n", false, false},
	}
	for _, c := range cases {
		ks, err := Source{SecretFile: "s.txt", ReadFile: fakeFiles(map[string][]byte{"s.txt": []byte(c.file)})}.Load(context.Background(), tok)
		if err != nil {
			t.Fatalf("%s: Load: %v", c.name, err)
		}
		if ks.Kind != SourceHMAC || ks.Name != "s.txt" {
			t.Errorf("%s: key set %q %q, want hmac s.txt", c.name, ks.Kind, ks.Name)
		}
		res := Verify(tok, Options{Keys: ks})
		if !c.valid {
			wantInvalid(t, c.name, res, ErrBadSignature)
			continue
		}
		wantValid(t, c.name, res)
		if says := strings.Contains(res.Signature.Reason, "newline"); says != c.newline {
			t.Errorf("%s: reason %q; mentions the newline = %v, want %v", c.name, res.Signature.Reason, says, c.newline)
		}
	}

	// A token MACed WITH the newline verifies with the file as is.
	withNL := mustParse(t, signCompact(t, jwt.SigningMethodHS256, []byte(secret+"\n"), `{"alg":"HS256"}`, claimsJSON))
	ks, _ := NewSecret([]byte(secret+"\n"), "s.txt")
	res := Verify(withNL, Options{Keys: ks})
	wantValid(t, "secret with newline used by the signer", res)
	if strings.Contains(res.Signature.Reason, "newline") {
		t.Errorf("reason %q mentions a newline that was part of the secret", res.Signature.Reason)
	}

	// Empty secrets and missing files are key-source errors.
	if _, err := NewSecret(nil, "empty"); !errors.Is(err, ErrKeySource) {
		t.Errorf("empty secret: %v, want ErrKeySource", err)
	}
	_, err := Source{SecretFile: "nope", ReadFile: fakeFiles(nil), Names: flagwords.Names}.Load(context.Background(), tok)
	if !errors.Is(err, ErrKeySource) || !strings.Contains(err.Error(), "--secret-file") {
		t.Errorf("missing secret file: %v, want ErrKeySource naming --secret-file", err)
	}
	// OIDCSCOPE_SECRET (Source.Secret) works the same way.
	ks, err = Source{Secret: []byte(secret)}.Load(context.Background(), tok)
	if err != nil {
		t.Fatal(err)
	}
	wantValid(t, "Source.Secret", Verify(tok, Options{Keys: ks}))
}

// fakeFiles is a Source.ReadFile over an in-memory map.
func fakeFiles(files map[string][]byte) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		b, ok := files[name]
		if !ok {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
		}
		return b, nil
	}
}

// selfSignedCert returns the DER of a self-signed certificate for key.
func selfSignedCert(t *testing.T, key crypto.Signer) []byte {
	t.Helper()
	return selfSignedCertSerial(t, key, 1)
}

// selfSignedCertWhere makes certificates (varying the serial number, so the
// signature changes) until the DER's last byte satisfies ok: generated keys
// and signatures are random, and tests must not depend on luck.
func selfSignedCertWhere(t *testing.T, key crypto.Signer, ok func(last byte) bool) []byte {
	t.Helper()
	for serial := int64(1); serial < 5000; serial++ {
		der := selfSignedCertSerial(t, key, serial)
		if ok(der[len(der)-1]) {
			return der
		}
	}
	t.Fatalf("no certificate with the wanted last byte in 5000 tries")
	return nil
}

func isASCIISpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

func selfSignedCertSerial(t *testing.T, key crypto.Signer, serial int64) []byte {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      pkix.Name{CommonName: "oidcscope test"},
		NotBefore:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatalf("self-signed certificate: %v", err)
	}
	return der
}
