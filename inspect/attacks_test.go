package inspect_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/golang-jwt/jwt/v5"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// The attacks of RFC 8725 and the JWT attacks seen in the wild, run end to
// end: pasted text → inspect.Run → the text and JSON reports, as the CLI
// does. Each row is one line of README.md's checklist ("Attacks oidcscope is
// tested against"); TestAttackChecklistInREADME keeps the two in step, so
// the README never claims a defence no row exercises.

// attackRow is one attack: what the attacker sends, what oidcscope does
// about it, and the cases that prove it.
type attackRow struct {
	id     string // subtest name
	attack string // the checklist's left side (Markdown)
	does   string // the checklist's right side (Markdown)
	cases  []attackCase
}

func (r attackRow) checklistLine() string { return "- [x] " + r.attack + " — " + r.does }

// attackCase is one token, one key source and everything the user sees.
type attackCase struct {
	name     string
	token    func(t *testing.T, e *attackEnv) string
	keys     keySource
	maxSize  int
	audience string
	status   verify.Status // "" when no token is found at all
	checks   string        // "name:status …" ("weak_key" for "weak key"); only the checks named are compared
	exit     int
	message  string   // appears in the text report
	also     []string // more of what the text report must say
	never    []string // what the text report must not say
}

// keySource is what the user passed on the command line. The file behind
// it is served by a stub ReadFile, so every case can assert that nothing
// else — a kid least of all — is ever opened.
type keySource struct {
	flag string // "--jwks", "--key", "--secret-file"; "" for no key
	file string
	data func(e *attackEnv) []byte
}

var noKey = keySource{}

func jwksFile(name string, data func(e *attackEnv) []byte) keySource {
	return keySource{"--jwks", name, data}
}

func keyFile(name string, data func(e *attackEnv) []byte) keySource {
	return keySource{"--key", name, data}
}

func secretFile(data func(e *attackEnv) []byte) keySource {
	return keySource{"--secret-file", "secret.txt", data}
}

var (
	demoJWKSFile = jwksFile("jwks.json", func(*attackEnv) []byte { return fixtures.DemoJWKS() })
	demoPEMFile  = keyFile("demo.pem", func(*attackEnv) []byte { return fixtures.DemoPublicKeyPEM() })
	demoJWKFile  = keyFile("demo.jwk", func(e *attackEnv) []byte { return e.demoJWK })
	demoX5CJWKS  = jwksFile("x5c-jwks.json", func(e *attackEnv) []byte { return e.demoX5CJWKS })
	ecPEMFile    = keyFile("ec.pem", func(e *attackEnv) []byte { return e.ecPEM })
)

// attackEnv is the key material the rows need besides the demo key: an EC
// key (the demo key is RSA), an attacker's own RSA key, certificates, an
// Ed25519 key and the identity "key", and RSA keys too small to trust.
type attackEnv struct {
	ec           *ecdsa.PrivateKey
	ecPEM        []byte
	attacker     *rsa.PrivateKey
	attackerJWK  string // the attacker's public key as a JWK claiming the demo kid
	attackerCert []byte // DER, self-signed by the attacker
	demoPEM      []byte
	demoDER      []byte // PKIX DER of the demo public key
	demoPKCS1    []byte // PKCS #1 DER of the demo public key
	demoJWK      []byte // the demo JWKS's one key, alone
	demoCert     []byte // DER certificate for the demo public key
	demoX5CJWKS  []byte // the demo JWKS with the certificate as x5c
	ed           ed25519.PrivateKey
	identityPEM  []byte // the Ed25519 identity point as a PKIX public key
	rsa1024      *rsa.PrivateKey
	rsa512       *rsa.PublicKey
	rsa512Sign   func(input string) []byte // RS256 with rsa512's private half
}

func newAttackEnv(t *testing.T) *attackEnv {
	t.Helper()
	e := &attackEnv{demoPEM: fixtures.DemoPublicKeyPEM()}
	var err error
	if e.ec, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		t.Fatal(err)
	}
	e.ecPEM = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: testseeds.PublicKeyDER(t, &e.ec.PublicKey)})
	if e.attacker, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		t.Fatal(err)
	}
	e.attackerJWK = `{"kty":"RSA","kid":"` + fixtures.DemoKID + `","e":"AQAB","n":"` + b64(e.attacker.N.Bytes()) + `"}`
	e.attackerCert = certificate(t, &e.attacker.PublicKey, e.attacker)

	demoPub, err := jwt.ParseRSAPublicKeyFromPEM(e.demoPEM)
	if err != nil {
		t.Fatal(err)
	}
	e.demoDER = testseeds.PublicKeyDER(t, demoPub)
	e.demoPKCS1 = x509.MarshalPKCS1PublicKey(demoPub)
	// Issued by the EC key: a JWKS's x5c is not chain-checked here, and the
	// demo private key is not needed to put the demo public key in a cert.
	e.demoCert = certificate(t, demoPub, e.ec)
	var set struct{ Keys []map[string]any }
	if err := json.Unmarshal(fixtures.DemoJWKS(), &set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("demo JWKS: %v", err)
	}
	if e.demoJWK, err = json.Marshal(set.Keys[0]); err != nil {
		t.Fatal(err)
	}
	set.Keys[0]["x5c"] = []string{base64.StdEncoding.EncodeToString(e.demoCert)}
	if e.demoX5CJWKS, err = json.Marshal(map[string]any{"keys": set.Keys}); err != nil {
		t.Fatal(err)
	}

	if _, e.ed, err = ed25519.GenerateKey(rand.Reader); err != nil {
		t.Fatal(err)
	}
	e.identityPEM = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: testseeds.PublicKeyDER(t, ed25519.PublicKey(edIdentity(false)))})
	// The forgery is real: Go's crypto/ed25519 itself accepts it with the
	// identity key for any message, so only refusing the key at load time
	// keeps the ed25519-small-order row from reading "valid".
	for _, msg := range []string{"", "any payload", b64([]byte(edHeader)) + "." + b64([]byte(goodClaims))} {
		for _, neg := range []bool{false, true} {
			if !ed25519.Verify(edIdentity(neg), []byte(msg), forgedEdDSA()) {
				t.Fatalf("Go's ed25519 rejects R = identity, S = 0 for %q (x = -0: %v): the row tests nothing", msg, neg)
			}
		}
	}
	// Small RSA keys, made once: 1024 bits is Go's minimum to generate and
	// to verify with; 512 bits needs making by hand.
	if e.rsa1024, err = rsa.GenerateKey(rand.Reader, 1024); err != nil {
		t.Fatal(err)
	}
	e.rsa512, e.rsa512Sign = testseeds.RSAKeyOfBits(t, 512)
	return e
}

func certificate(t *testing.T, pub any, issuer crypto.Signer) []byte {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "oidcscope attack test"},
		NotBefore:    fixtures.StaticIAT(),
		NotAfter:     fixtures.StaticIAT().AddDate(10, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, pub, issuer)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// Tokens. Every time claim is fixed around fixtures.StaticIAT and every case
// runs at fixtures.StaticNow, so only the attack decides the outcome.

const attackIssuer = "https://issuer.example" // not GitHub's: nothing is discovered

var b64 = base64.RawURLEncoding.EncodeToString

// claimsWith returns a plausible claim set whose last members are tail.
func claimsWith(tail string) string {
	iat := fixtures.StaticIATUnix
	return `{"iss":"` + attackIssuer + `","sub":"repo:octo-org/octo-repo:ref:refs/heads/main","aud":"sts.amazonaws.com",` +
		`"iat":` + strconv.Itoa(iat) + `,"nbf":` + strconv.Itoa(iat-300) + `,` + tail + `}`
}

var goodClaims = claimsWith(`"exp":` + strconv.Itoa(fixtures.StaticIATUnix+300))

// headerKid is the demo header with another kid, JSON-encoded.
func headerKid(kid string) string {
	k, _ := json.Marshal(kid)
	return `{"alg":"RS256","kid":` + string(k) + `,"typ":"JWT"}`
}

// demoSigned signs header and payload byte for byte with the demo key
// (RS256), as signed does, when the attack case is built.
func demoSigned(header, payload string) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, _ *attackEnv) string {
		return string(signed(t, payload, header))
	}
}

// crafted joins header, payload and signature bytes with no key involved.
func crafted(header, payload string, sig []byte) func(*testing.T, *attackEnv) string {
	return func(*testing.T, *attackEnv) string {
		return b64([]byte(header)) + "." + b64([]byte(payload)) + "." + b64(sig)
	}
}

// unsigned drops the signature of another token, keeping the final dot.
func unsigned(tok func(*testing.T, *attackEnv) string) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		s := tok(t, e)
		return s[:strings.LastIndexByte(s, '.')+1]
	}
}

// hmacWith is the key-confusion forgery: HS256 with public-key bytes as
// the secret, which is all an attacker has.
func hmacWith(secret func(e *attackEnv) []byte) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		in := b64([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + b64([]byte(goodClaims))
		sig, err := jwt.SigningMethodHS256.Sign(in, secret(e))
		if err != nil {
			t.Fatal(err)
		}
		return in + "." + b64(sig)
	}
}

// es256 is an ES256 token of goodClaims whose signature sig makes from the
// signing input: the real raw r||s, DER, or forged values.
func es256(sig func(t *testing.T, e *attackEnv, in string) []byte) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		in := b64([]byte(`{"alg":"ES256","typ":"JWT"}`)) + "." + b64([]byte(goodClaims))
		return in + "." + b64(sig(t, e, in))
	}
}

// rawSignature is the JWS form: r||s, 32 bytes each (RFC 7518 §3.4).
func rawSignature(t *testing.T, e *attackEnv, in string) []byte {
	s, err := jwt.SigningMethodES256.Sign(in, e.ec)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// derSignature is what most crypto libraries emit: ASN.1 DER.
func derSignature(t *testing.T, e *attackEnv, in string) []byte {
	d := sha256.Sum256([]byte(in))
	s, err := ecdsa.SignASN1(rand.Reader, e.ec, d[:])
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// edHeader is the header of the EdDSA forgery: it names the small-order
// key by its kid.
const edHeader = `{"alg":"EdDSA","kid":"zero","typ":"JWT"}`

// edIdentity is the identity point of edwards25519 as an Ed25519 public key
// (x = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"); negX sets the sign
// bit, the "x = -0" encoding of the same point.
func edIdentity(negX bool) ed25519.PublicKey {
	k := make([]byte, ed25519.PublicKeySize)
	k[0] = 1
	if negX {
		k[31] = 0x80
	}
	return k
}

// forgedEdDSA is the signature R = identity, S = 0, made with no private
// key: with the identity as public key it verifies for every payload.
func forgedEdDSA() []byte {
	sig := make([]byte, ed25519.SignatureSize)
	sig[0] = 1
	return sig
}

// okpJWK is an Ed25519 public key as a JWK.
func okpJWK(kid string, x []byte) string {
	return `{"kty":"OKP","crv":"Ed25519","kid":"` + kid + `","x":"` + b64(x) + `"}`
}

// rsaJWK is an RSA public key as a JWK.
func rsaJWK(kid string, pub *rsa.PublicKey) string {
	return `{"kty":"RSA","kid":"` + kid + `","e":"AQAB","n":"` + b64(pub.N.Bytes()) + `"}`
}

// jwksOf is a JWK Set of the keys given.
func jwksOf(keys ...string) []byte { return []byte(`{"keys":[` + strings.Join(keys, ",") + `]}`) }

// edSigned is an EdDSA token of goodClaims really signed with the test's
// Ed25519 key, under kid.
func edSigned(kid string) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		in := b64([]byte(`{"alg":"EdDSA","kid":"`+kid+`","typ":"JWT"}`)) + "." + b64([]byte(goodClaims))
		return in + "." + b64(ed25519.Sign(e.ed, []byte(in)))
	}
}

// octSecret is the HMAC secret an "oct" key in a key set carries: anyone
// who can read the set has it. 38 bytes, over HS256's 32-byte minimum, so
// no short-secret warning muddles the row.
const octSecret = "a shared secret long enough for HS256!"

// octJWK is octSecret as an "oct" JWK with kid "hs".
var octJWK = `{"kty":"oct","kid":"hs","k":"` + b64([]byte(octSecret)) + `"}`

// octForged is an HS256 token MACed with octSecret, naming kid "hs": what
// anyone who read the key set can make.
func octForged(t *testing.T, _ *attackEnv) string {
	in := b64([]byte(`{"alg":"HS256","kid":"hs","typ":"JWT"}`)) + "." + b64([]byte(goodClaims))
	sig, err := jwt.SigningMethodHS256.Sign(in, []byte(octSecret))
	if err != nil {
		t.Fatal(err)
	}
	return in + "." + b64(sig)
}

// weakSigned is an RS256 token of goodClaims under kid "weak", signed with
// the 1024-bit key (bits 1024) or the 512-bit one (bits 512).
func weakSigned(bits int) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		in := b64([]byte(`{"alg":"RS256","kid":"weak","typ":"JWT"}`)) + "." + b64([]byte(goodClaims))
		if bits == 512 {
			return in + "." + b64(e.rsa512Sign(in))
		}
		sig, err := jwt.SigningMethodRS256.Sign(in, e.rsa1024)
		if err != nil {
			t.Fatal(err)
		}
		return in + "." + b64(sig)
	}
}

// attackerSigned is an RS256 token made with the attacker's key, claiming
// the demo kid, with extra header members naming the attacker's key.
func attackerSigned(extra func(e *attackEnv) string) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		in := b64([]byte(`{"alg":"RS256","kid":"`+fixtures.DemoKID+`",`+extra(e)+`}`)) + "." + b64([]byte(goodClaims))
		sig, err := jwt.SigningMethodRS256.Sign(in, e.attacker)
		if err != nil {
			t.Fatal(err)
		}
		return in + "." + b64(sig)
	}
}

// sized returns a demo-signed token exactly n bytes long: goodClaims with a
// padding claim, and spaces inside the header where base64url lengths
// cannot land on n otherwise.
func sized(n int) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		prefix := strings.TrimSuffix(goodClaims, "}") + `,"pad":"`
		for spaces := 0; spaces < 4; spaces++ {
			header := strings.TrimSuffix(fixtures.DefaultHeader, "}") + strings.Repeat(" ", spaces) + "}"
			// header "." payload "." 256-byte RS256 signature (342 chars)
			p := n - len(b64([]byte(header))) - 2 - 342
			if p%4 == 1 {
				continue // no byte string has this base64url length
			}
			payloadLen := p/4*3 + max(p%4-1, 0)
			pad := payloadLen - len(prefix) - len(`"}`)
			tok := demoSigned(header, prefix+strings.Repeat("x", pad)+`"}`)(t, e)
			if len(tok) != n {
				t.Fatalf("sized token is %d bytes, want %d", len(tok), n)
			}
			return tok
		}
		t.Fatalf("no token of %d bytes", n)
		return ""
	}
}

// audiences makes n distinct short audiences, base 36, in order.
func audiences(n int) string {
	var b strings.Builder
	b.WriteString(`"aud":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strconv.FormatInt(int64(i), 36) + `"`)
	}
	b.WriteString(`]`)
	return b.String()
}

func nested(depth int, open, close string) string {
	return strings.Repeat(open, depth) + strings.Repeat(close, depth)
}

// attackRows is the table. Messages are what the user reads in the text
// report; statuses and exit codes are the CLI's.
func attackRows() []attackRow {
	var none []attackCase
	for _, alg := range []string{"none", "None", "NONE", "nOnE"} {
		h := `{"alg":"` + alg + `","typ":"JWT"}`
		for _, sig := range []struct {
			name  string
			bytes []byte
		}{{"empty signature", nil}, {"a signature", []byte("any bytes at all in the signature slot")}} {
			for _, ks := range []keySource{noKey, demoJWKSFile} {
				none = append(none, attackCase{
					name: alg + ", " + sig.name + ", " + keyName(ks), token: crafted(h, goodClaims, sig.bytes), keys: ks,
					status: verify.StatusInvalid, checks: "signature:fail alg:fail exp:pass", exit: 1,
					message: `alg "none": the token is unsigned; it is never accepted as verified`,
				})
			}
		}
	}

	var keyHeaders []attackCase
	for _, kh := range []struct {
		name  string
		value func(e *attackEnv) string
	}{
		{"jwk", func(e *attackEnv) string { return `"jwk":` + e.attackerJWK }},
		{"jku", func(*attackEnv) string { return `"jku":"https://attacker.example/jwks.json"` }},
		{"x5u", func(*attackEnv) string { return `"x5u":"https://attacker.example/cert.pem"` }},
		{"x5c", func(e *attackEnv) string {
			return `"x5c":["` + base64.StdEncoding.EncodeToString(e.attackerCert) + `"]`
		}},
	} {
		warning := `the header carries "` + kh.name + `": shown, never fetched or used`
		keyHeaders = append(keyHeaders,
			attackCase{
				name: kh.name + ", attacker-signed, no key", token: attackerSigned(kh.value), keys: noKey,
				status: verify.StatusUnverified, checks: "signature:skip", exit: 0, message: warning,
			},
			attackCase{
				name: kh.name + ", attacker-signed, demo JWKS", token: attackerSigned(kh.value), keys: demoJWKSFile,
				status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "signature does not match",
			},
			attackCase{
				name: kh.name + ", demo-signed, demo JWKS", keys: demoJWKSFile,
				token: func(t *testing.T, e *attackEnv) string {
					return demoSigned(`{"alg":"RS256","kid":"`+fixtures.DemoKID+`",`+kh.value(e)+`}`, goodClaims)(t, e)
				},
				status: verify.StatusValid, checks: "signature:pass", exit: 0, message: warning,
			},
		)
	}

	var kids []attackCase
	for _, k := range []struct{ kid, message, also string }{
		{"../../etc/passwd", `no key with this kid "../../etc/passwd" (the set has "oidcscope-demo")`, "kid ../../etc/passwd"},
		{"' OR 1=1 --", `no key with this kid "' OR 1=1 --"`, "kid ' OR 1=1 --"},
		{"$(id)", `no key with this kid "$(id)"`, "kid $(id)"},
		{"; rm -rf /", `no key with this kid "; rm -rf /"`, "kid ; rm -rf /"},
		// OSC 52 would write the clipboard; the report shows the bytes,
		// escaped once (the check line as the kid line).
		{"\x1b]52;c;cHduZWQ=\a", `kid \x1b]52;c;cHduZWQ=\x07`, `no key with this kid "\x1b]52;c;cHduZWQ=\x07"`},
	} {
		kids = append(kids, attackCase{
			// A kid the set lacks cannot check the signature: unverified,
			// not invalid (DESIGN.md), and exit 1 as the keys were given.
			name: strconv.Quote(k.kid) + ", demo JWKS", token: demoSigned(headerKid(k.kid), goodClaims), keys: demoJWKSFile,
			status: verify.StatusUnverified, checks: "signature:skip", exit: 1, message: k.message, also: []string{k.also},
		})
	}
	sqlSet := func(*attackEnv) []byte {
		return bytes.Replace(fixtures.DemoJWKS(), []byte(`"`+fixtures.DemoKID+`"`), []byte(`"' OR 1=1 --"`), 1)
	}
	kids = append(kids,
		attackCase{
			name: "path traversal, no key", token: demoSigned(headerKid("../../etc/passwd"), goodClaims), keys: noKey,
			status: verify.StatusUnverified, checks: "signature:skip", exit: 0, message: "kid ../../etc/passwd",
		},
		attackCase{
			name: "SQL kid present in the set verbatim", token: demoSigned(headerKid("' OR 1=1 --"), goodClaims), keys: jwksFile("sql.json", sqlSet),
			status: verify.StatusValid, checks: "signature:pass", exit: 0, message: `signature verified with an RSA-2048 public key (kid "' OR 1=1 --")`,
		},
		attackCase{
			name: "SQL kid differing by a trailing space", token: demoSigned(headerKid("' OR 1=1 -- "), goodClaims), keys: jwksFile("sql.json", sqlSet),
			status: verify.StatusUnverified, checks: "signature:skip", exit: 1, message: `no key with this kid "' OR 1=1 -- "`,
		},
	)

	critHeader := `{"alg":"RS256","kid":"` + fixtures.DemoKID + `","crit":["exp"],"exp":1767225900}`
	b64Crit := `{"alg":"RS256","kid":"` + fixtures.DemoKID + `","b64":false,"crit":["b64"]}`
	b64Bare := `{"alg":"RS256","kid":"` + fixtures.DemoKID + `","b64":false}`
	secretSays := "HMAC secret looks like public-key material"

	// Ed25519: the identity point as the key, alone or beside a real key.
	identityJWKS := jwksFile("zero.json", func(*attackEnv) []byte { return jwksOf(okpJWK("zero", edIdentity(false))) })
	mixedEdJWKS := jwksFile("mixed.json", func(e *attackEnv) []byte {
		return jwksOf(okpJWK("zero", edIdentity(false)), okpJWK("real", e.ed.Public().(ed25519.PublicKey)))
	})
	smallOrder := "Ed25519 public key of small order: it encodes the identity or another point of order at most 8, with which forged signatures verify"
	// "oct": a key set holding an HMAC secret next to the demo key, or alone.
	octBesideDemo := func(e *attackEnv) []byte { return jwksOf(string(e.demoJWK), octJWK) }
	neverHMAC := "HMAC key in a key set: a key set never supplies an HMAC secret"
	// RSA under 2048 bits, kid "weak".
	weak1024JWKS := jwksFile("weak.json", func(e *attackEnv) []byte { return jwksOf(rsaJWK("weak", &e.rsa1024.PublicKey)) })
	weak512JWKS := jwksFile("weak.json", func(e *attackEnv) []byte { return jwksOf(rsaJWK("weak", e.rsa512)) })
	withAud := func(aud string) string {
		return strings.Replace(goodClaims, `"aud":"sts.amazonaws.com"`, `"aud":`+aud, 1)
	}

	return []attackRow{
		{
			id:     "alg-none",
			attack: "`alg: none` in every casing (`none`, `None`, `NONE`, `nOnE`), with an empty or a non-empty signature",
			does:   "signature `invalid` with or without a key and the `alg` check fails: an unsigned token is never reported as verified (exit 1)",
			cases:  none,
		},
		{
			id:     "empty-signature",
			attack: "an RS256 token with its signature removed (`header.payload.`)",
			does:   "signature `invalid` with or without a key: an empty signature is knowably wrong for every algorithm but `none` (exit 1)",
			cases: []attackCase{
				{name: "demo JWKS", token: unsigned(demoSigned("", goodClaims)), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail alg:pass", exit: 1, message: "the signature is empty"},
				{name: "no key", token: unsigned(demoSigned("", goodClaims)), keys: noKey,
					status: verify.StatusInvalid, checks: "signature:fail alg:pass", exit: 1, message: "the signature is empty"},
			},
		},
		{
			id:     "hmac-key-confusion",
			attack: "HS256 MACed with the RSA public key as the HMAC secret — PEM, DER, JWK and `x5c` forms — or with an EC public key PEM (RS256→HS256 confusion, CVE-2015-9235)",
			does:   "never `valid`: a public key never verifies HMAC (`invalid`, exit 1), and public-key material given as an HMAC secret is refused (exit 2)",
			cases: []attackCase{
				{name: "PEM secret, demo JWKS", token: hmacWith(func(e *attackEnv) []byte { return e.demoPEM }), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `key "oidcscope-demo" is for RS256, the token uses HS256`},
				{name: "PEM secret, --key PEM", token: hmacWith(func(e *attackEnv) []byte { return e.demoPEM }), keys: demoPEMFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "HMAC is never verified with public-key material: the key is an RSA-2048 public key"},
				{name: "PKIX DER secret, --key PEM", token: hmacWith(func(e *attackEnv) []byte { return e.demoDER }), keys: demoPEMFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "HMAC is never verified with public-key material"},
				{name: "PKCS#1 DER secret, --key JWK", token: hmacWith(func(e *attackEnv) []byte { return e.demoPKCS1 }), keys: demoJWKFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `is for RS256, the token uses HS256`},
				{name: "JWK secret, --key JWK", token: hmacWith(func(e *attackEnv) []byte { return e.demoJWK }), keys: demoJWKFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `is for RS256, the token uses HS256`},
				{name: "x5c certificate DER secret, JWKS with x5c", token: hmacWith(func(e *attackEnv) []byte { return e.demoCert }), keys: demoX5CJWKS,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `is for RS256, the token uses HS256`},
				{name: "x5c base64 text secret, --key certificate PEM", token: hmacWith(x5cText),
					keys: keyFile("cert.pem", func(e *attackEnv) []byte {
						return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: e.demoCert})
					}),
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "HMAC is never verified with public-key material: the key is an RSA-2048 public key"},
				{name: "EC PEM secret, --key EC PEM", token: hmacWith(func(e *attackEnv) []byte { return e.ecPEM }), keys: ecPEMFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "HMAC is never verified with public-key material: the key is an EC P-256 public key"},
				{name: "--secret-file PEM", token: hmacWith(func(e *attackEnv) []byte { return e.demoPEM }), keys: secretFile(func(e *attackEnv) []byte { return e.demoPEM }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: secretSays + ": secret.txt holds a PEM block"},
				{name: "--secret-file DER", token: hmacWith(func(e *attackEnv) []byte { return e.demoDER }), keys: secretFile(func(e *attackEnv) []byte { return e.demoDER }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: secretSays + ": secret.txt holds a DER public key"},
				{name: "--secret-file JWK", token: hmacWith(func(e *attackEnv) []byte { return e.demoJWK }), keys: secretFile(func(e *attackEnv) []byte { return e.demoJWK }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: secretSays + ": secret.txt holds a JWK"},
				{name: "--secret-file x5c base64 text", token: hmacWith(x5cText), keys: secretFile(x5cText),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: secretSays},
				{name: "--secret-file PEM body without its armour", token: hmacWith(pemBody), keys: secretFile(pemBody),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: secretSays},
				{name: "--secret-file EC PEM", token: hmacWith(func(e *attackEnv) []byte { return e.ecPEM }), keys: secretFile(func(e *attackEnv) []byte { return e.ecPEM }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: secretSays + ": secret.txt holds a PEM block"},
			},
		},
		{
			id:     "oct-key-in-set",
			attack: "HS256 MACed with an `oct` (HMAC) key that a JWK Set holds, given with `--jwks FILE` or `--key` (anyone who can read the set can sign)",
			does:   "a key set never supplies an HMAC secret: the `oct` key is skipped with the reason, so the token is `invalid` beside other keys (exit 1) and a set holding only it is refused (exit 2); only a single `oct` JWK given with `--key` verifies HMAC",
			cases: []attackCase{
				{name: "--jwks, oct beside the demo key", token: octForged, keys: jwksFile("set.json", octBesideDemo),
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `skipped key 1 (kid "hs"): ` + neverHMAC,
					also: []string{`no key with this kid "hs"`}},
				{name: "--jwks, oct alone", token: octForged, keys: jwksFile("oct.json", func(*attackEnv) []byte { return jwksOf(octJWK) }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: neverHMAC},
				{name: "--key, a set with oct beside the demo key", token: octForged, keys: keyFile("set.json", octBesideDemo),
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: neverHMAC},
				{name: "control: the same oct key alone with --key verifies", token: octForged, keys: keyFile("oct.jwk", func(*attackEnv) []byte { return []byte(octJWK) }),
					status: verify.StatusValid, checks: "signature:pass", exit: 0, message: `signature verified with an HMAC secret (kid "hs")`},
			},
		},
		{
			id:     "psychic-signature",
			attack: "an ES256 signature with r = s = 0 (CVE-2022-21449, “psychic signatures”)",
			does:   "signature `invalid` against the EC key (exit 1)",
			cases: []attackCase{
				{name: "control: the real raw r||s verifies", token: es256(rawSignature), keys: ecPEMFile,
					status: verify.StatusValid, checks: "signature:pass", exit: 0, message: "signature verified with an EC P-256 public key"},
				{name: "r = s = 0, --key EC PEM", token: es256(func(*testing.T, *attackEnv, string) []byte { return make([]byte, 64) }), keys: ecPEMFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "signature does not match"},
				{name: "r = s = n, --key EC PEM", token: es256(func(*testing.T, *attackEnv, string) []byte { return append(p256N(), p256N()...) }), keys: ecPEMFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "signature does not match"},
			},
		},
		{
			id:     "ed25519-small-order",
			attack: "an EdDSA signature R = identity, S = 0 made with no private key, against a small-order Ed25519 public key (the identity, `x` = `AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`), which Go's `crypto/ed25519` accepts for every payload",
			does:   "the key is refused when loaded, from a JWK Set, a JWK (also as x = −0) or a PEM, with the reason (exit 2); beside a real key it is skipped with the reason and the forgery is `invalid` (exit 1); never `valid`",
			cases: []attackCase{
				{name: "control: a real Ed25519 key verifies", token: edSigned("real"), keys: mixedEdJWKS,
					status: verify.StatusValid, checks: "signature:pass", exit: 0, message: `signature verified with an Ed25519 public key (kid "real")`},
				{name: "--jwks, the identity key alone", token: crafted(edHeader, goodClaims, forgedEdDSA()), keys: identityJWKS,
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: `key 0 (kid "zero"): ` + smallOrder},
				{name: "--jwks, the identity key beside a real one", token: crafted(edHeader, goodClaims, forgedEdDSA()), keys: mixedEdJWKS,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `skipped key 0 (kid "zero"): ` + smallOrder,
					also: []string{`no key with this kid "zero"`}},
				{name: "--key JWK, another payload", token: crafted(edHeader, strings.Replace(goodClaims, "octo-org/octo-repo", "attacker/repo", 1), forgedEdDSA()),
					keys:   keyFile("zero.jwk", func(*attackEnv) []byte { return []byte(okpJWK("zero", edIdentity(false))) }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: smallOrder},
				{name: "--key JWK, x = -0", token: crafted(edHeader, goodClaims, forgedEdDSA()),
					keys:   keyFile("zero.jwk", func(*attackEnv) []byte { return []byte(okpJWK("zero", edIdentity(true))) }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: smallOrder},
				{name: "--key PEM", token: crafted(edHeader, goodClaims, forgedEdDSA()), keys: keyFile("zero.pem", func(e *attackEnv) []byte { return e.identityPEM }),
					status: verify.StatusUnverified, checks: "signature:skip", exit: 2, message: smallOrder},
			},
		},
		{
			id:     "ecdsa-der",
			attack: "an ES256 signature in ASN.1 DER instead of the raw `r||s` JWS form",
			does:   "signature `invalid`, with or without the key, and the reason says it is DER, not 64 bytes of raw `r||s` (exit 1)",
			cases: []attackCase{
				{name: "--key EC PEM", token: es256(derSignature), keys: ecPEMFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "ASN.1 DER"},
				{name: "no key", token: es256(derSignature), keys: noKey,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "ES256 signatures are 64 bytes of raw r||s"},
			},
		},
		{
			id:     "weak-rsa",
			attack: "an RS256 token signed with an RSA key under RFC 7518's 2048 bits (1024, 512), small enough to factor and forge with",
			does:   "1024 bits: the signature verifies but a `weak key` check fails naming the bits and the 2048 required (exit 1); 512 bits, which Go's crypto refuses: `invalid` with that reason and the `weak key` check failing, never “signature does not match” (exit 1)",
			cases: []attackCase{
				{name: "1024 bits, --jwks", token: weakSigned(1024), keys: weak1024JWKS,
					status: verify.StatusValid, checks: "signature:pass weak_key:fail", exit: 1,
					message: `the RSA key (kid "weak") has 1024 bits, under the 2048 bits RFC 7518 §3.3 requires`},
				{name: "1024 bits, --key PEM", token: weakSigned(1024), keys: keyFile("weak.pem", func(e *attackEnv) []byte {
					return pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&e.rsa1024.PublicKey)})
				}),
					status: verify.StatusValid, checks: "signature:pass weak_key:fail", exit: 1, message: "has 1024 bits, under the 2048 bits RFC 7518 §3.3 requires"},
				{name: "512 bits, --jwks", token: weakSigned(512), keys: weak512JWKS,
					status: verify.StatusInvalid, checks: "signature:fail weak_key:fail", exit: 1,
					message: `the RSA key (kid "weak") has 512 bits, and Go's crypto refuses RSA keys under 1024 bits as insecure, so the signature was not checked`,
					never:   []string{"signature does not match"}},
			},
		},
		{
			id:     "key-headers",
			attack: "`jwk`, `jku`, `x5u` or `x5c` headers naming the attacker's key",
			does:   "shown with a warning, never fetched or used: `unverified` with no key; with the real key the header changes nothing",
			cases:  keyHeaders,
		},
		{
			id:     "zip-header",
			attack: "a `zip` header on a JWS (`\"zip\":\"DEF\"`, defined for JWE only), so a verifier that honours it reads another payload",
			does:   "shown with a warning that it is ignored, so the payload shown is the one signed; the signature is judged as usual (exit 0 when it verifies)",
			cases: []attackCase{
				{name: "demo JWKS", token: demoSigned(`{"alg":"RS256","kid":"`+fixtures.DemoKID+`","zip":"DEF"}`, goodClaims), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass", exit: 0, message: `the header carries "zip", which RFC 7516 defines for JWE only`},
				{name: "no key", token: demoSigned(`{"alg":"RS256","kid":"`+fixtures.DemoKID+`","zip":"DEF"}`, goodClaims), keys: noKey,
					status: verify.StatusUnverified, checks: "signature:skip", exit: 0, message: `the header carries "zip", which RFC 7516 defines for JWE only`},
			},
		},
		{
			id:     "kid-injection",
			attack: "a `kid` holding a path (`../../etc/passwd`), SQL (`' OR 1=1 --`), shell (`$(id)`, `; rm -rf /`) or terminal escapes",
			does:   "just a string: matched exactly against the key set, never opened, queried or run; messages show it quoted and escaped",
			cases:  kids,
		},
		{
			id:     "crit",
			attack: "a `crit` header naming a parameter oidcscope does not implement",
			does:   "signature `invalid` even with the right key, as RFC 7515 §4.1.11 requires (exit 1)",
			cases: []attackCase{
				{name: "demo JWKS", token: demoSigned(critHeader, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `unknown critical header parameter "exp"`},
				{name: "no key", token: demoSigned(critHeader, goodClaims), keys: noKey,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `unknown critical header parameter "exp"`},
				{name: "crit not an array", token: demoSigned(`{"alg":"RS256","crit":"exp"}`, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `"crit" must be a non-empty array of names`},
			},
		},
		{
			id:     "b64-false",
			attack: "`b64: false` (RFC 7797 unencoded payload), with and without `crit`",
			does:   "signature `invalid` with a message naming RFC 7797, whichever way it was signed; never `valid` (exit 1)",
			cases: []attackCase{
				{name: "with crit, signed over the base64url payload", token: demoSigned(b64Crit, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "RFC 7797"},
				{name: "with crit, signed over the raw payload", token: detachedUnencoded(b64Crit, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "RFC 7797"},
				{name: "without crit, signed over the base64url payload", token: demoSigned(b64Bare, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "RFC 7797"},
				{name: "without crit, no key", token: demoSigned(b64Bare, goodClaims), keys: noKey,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "RFC 7797"},
			},
		},
		{
			id:     "duplicate-header",
			attack: "a duplicated `alg` in the header (`{\"alg\":\"none\",\"alg\":\"RS256\"}` and the like)",
			does:   "signature `invalid`: an ambiguous header is never verified, and the duplicate is named with its byte offset (exit 1)",
			cases: []attackCase{
				{name: "RS256 then HS256", token: demoSigned(`{"alg":"RS256","kid":"oidcscope-demo","alg":"HS256"}`, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `duplicate header parameter: header: duplicate key (key "alg") at byte 38`},
				{name: "none then RS256", token: demoSigned(`{"alg":"none","alg":"RS256","kid":"oidcscope-demo"}`, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `duplicate key (key "alg")`},
				{name: "RS256 twice, no key", token: demoSigned(`{"alg":"RS256","alg":"RS256"}`, goodClaims), keys: noKey,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: `duplicate key (key "alg")`},
			},
		},
		{
			id:     "duplicate-claims",
			attack: "duplicated `exp` or `sub` claims (`{\"exp\":…,\"exp\":9999999999}`)",
			does:   "both shown, the second marked; the decode error names key and offset and a duplicated `exp` fails its check — never silently resolved (exit 1)",
			cases: []attackCase{
				{name: "exp: valid, then far future", token: demoSigned("", claimsWith(`"exp":1767225900,"exp":9999999999`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:fail", exit: 1, message: `duplicate claim: "exp" appears 2 times`},
				{name: "exp: expired, then far future", token: demoSigned("", claimsWith(`"exp":1,"exp":9999999999`)), keys: noKey,
					status: verify.StatusUnverified, checks: "exp:fail", exit: 1, message: `payload: duplicate key (key "exp")`},
				{name: "sub: victim, then attacker", token: demoSigned("", claimsWith(`"exp":1767225900,"sub":"repo:attacker/repo:ref:refs/heads/main"`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:pass", exit: 1, message: `payload: duplicate key (key "sub")`,
					also: []string{"sub  repo:octo-org/octo-repo:ref:refs/heads/main", "sub  repo:attacker/repo:ref:refs/heads/main  policy  RISK\n       subject: the principal the token is about\n       ↳ risk: duplicate claim"}},
			},
		},
		{
			id:     "deep-nesting",
			attack: "JSON nested 100,000 levels deep in the header or the payload",
			does:   "refused past 32 levels with its byte offset, without reading deeper; a header that deep makes the signature `invalid` (exit 1)",
			cases: []attackCase{
				{name: "payload arrays", token: demoSigned("", claimsWith(`"exp":1767225900,"deep":`+nested(100000, "[", "]"))), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass", exit: 1, message: "payload: JSON nested too deeply (limit is 32 levels)"},
				{name: "payload objects", token: demoSigned("", claimsWith(`"exp":1767225900,"deep":`+nested(100000, `{"a":`, "}"))), keys: noKey,
					status: verify.StatusUnverified, checks: "signature:skip", exit: 1, message: "payload: JSON nested too deeply (limit is 32 levels)"},
				{name: "header arrays", token: demoSigned(`{"alg":"RS256","kid":"oidcscope-demo","x":`+nested(100000, "[", "]")+`}`, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "header: JSON nested too deeply (limit is 32 levels)"},
			},
		},
		{
			id:     "max-size",
			attack: "a token of exactly `--max-size` bytes (1 MiB by default), and one byte more",
			does:   "at the limit it is decoded and verified; one byte over, it is refused before decoding with “over the 1048576-byte limit” (exit 2)",
			cases: []attackCase{
				{name: "at the limit", token: sized(decode.DefaultMaxSize), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:pass", exit: 0, message: "signature verified with an RSA-2048 public key"},
				{name: "one byte over", token: sized(decode.DefaultMaxSize + 1), keys: demoJWKSFile,
					status: "", exit: 2, message: "input larger than the size limit (over the 1048576-byte limit; raise it with --max-size)"},
				{name: "--max-size 4096, one byte over", token: sized(4097), keys: demoJWKSFile, maxSize: 4096,
					status: "", exit: 2, message: "over the 4096-byte limit"},
			},
		},
		{
			id:     "many-audiences",
			attack: "100,000 audiences in `aud`",
			does:   "checked in linear time; the message quotes the first five and counts the rest",
			cases: []attackCase{
				{name: "the expected audience last", token: demoSigned("", strings.Replace(claimsWith(`"exp":1767225900`), `"aud":"sts.amazonaws.com"`, audiences(100000), 1)), keys: demoJWKSFile, audience: strconv.FormatInt(99999, 36),
					status: verify.StatusValid, checks: "signature:pass aud:pass", exit: 0, message: `aud ["0", "1", "2", "3", "4", … 99995 more] contains "255r"`},
				{name: "the expected audience absent", token: demoSigned("", strings.Replace(claimsWith(`"exp":1767225900`), `"aud":"sts.amazonaws.com"`, audiences(100000), 1)), keys: demoJWKSFile, audience: "sts.amazonaws.com",
					status: verify.StatusValid, checks: "signature:pass aud:fail", exit: 1, message: `aud is ["0", "1", "2", "3", "4", … 99995 more], expected "sts.amazonaws.com"`},
			},
		},
		{
			id:     "malformed-aud",
			attack: "`aud` that is a number (`\"aud\":123`), `null` or an array holding a non-string (`[\"sts.amazonaws.com\",1]`)",
			does:   "the `aud` check fails as neither a string nor an array of strings (RFC 7519 §4.1.3), with or without `--audience`, naming what it is, or which item of an array is not a string (exit 1)",
			cases: []attackCase{
				{name: "number, no --audience", token: demoSigned("", withAud(`123`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass aud:fail", exit: 1,
					message: "aud is neither a string nor an array of strings (RFC 7519 §4.1.3): it is a number"},
				{name: "number, --audience 123", token: demoSigned("", withAud(`123`)), keys: demoJWKSFile, audience: "123",
					status: verify.StatusValid, checks: "signature:pass aud:fail", exit: 1, message: "aud is neither a string nor an array of strings (RFC 7519 §4.1.3): it is a number"},
				{name: "null, no key", token: demoSigned("", withAud(`null`)), keys: noKey,
					status: verify.StatusUnverified, checks: "signature:skip aud:fail", exit: 1, message: "aud is neither a string nor an array of strings (RFC 7519 §4.1.3): it is null"},
				{name: "array with a number, --audience", token: demoSigned("", withAud(`["sts.amazonaws.com",1]`)), keys: demoJWKSFile, audience: "sts.amazonaws.com",
					status: verify.StatusValid, checks: "signature:pass aud:fail", exit: 1,
					message: "aud is neither a string nor an array of strings (RFC 7519 §4.1.3): item 1 of the array is a number"},
				{name: "array with a number, no --audience", token: demoSigned("", withAud(`["sts.amazonaws.com",1]`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass aud:fail", exit: 1, message: "item 1 of the array is a number"},
			},
		},
		{
			id:     "invalid-utf8",
			attack: "invalid UTF-8 in a claim or in the header",
			does:   "named with its byte offset and shown as `\\ufffd`; in the header it makes the signature `invalid` (exit 1)",
			cases: []attackCase{
				{name: "claim", token: demoSigned("", claimsWith(`"exp":1767225900,"x":"a`+"\xff"+`b"`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass", exit: 1, message: "payload: invalid UTF-8 (shown with U+FFFD replacement) at byte", also: []string{`a\ufffdb`}},
				{name: "overlong encoding of /", token: demoSigned("", claimsWith(`"exp":1767225900,"x":"..`+"\xc0\xaf"+`etc"`)), keys: noKey,
					status: verify.StatusUnverified, checks: "signature:skip", exit: 1, message: "payload: invalid UTF-8"},
				{name: "header", token: demoSigned(`{"alg":"RS256","kid":"oidcscope-demo","x":"`+"\xfe"+`"}`, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "header: invalid UTF-8"},
			},
		},
		{
			id:     "bom",
			attack: "a byte-order mark before the header or payload JSON",
			does:   "named as a byte-order mark at byte 0 (RFC 8259 §8.1) and the JSON after it still shown; in the header it makes the signature `invalid` (exit 1)",
			cases: []attackCase{
				{name: "payload", token: demoSigned("", "\uFEFF"+goodClaims), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:pass", exit: 1, message: "payload: byte-order mark before the JSON (RFC 8259 §8.1: JSON in a token has none) at byte 0"},
				{name: "header", token: demoSigned("\uFEFF"+fixtures.DefaultHeader, goodClaims), keys: demoJWKSFile,
					status: verify.StatusInvalid, checks: "signature:fail", exit: 1, message: "token is malformed: header: byte-order mark before the JSON"},
			},
		},
		{
			id:     "huge-exp",
			attack: "`exp` too large for any clock (`1e400`, `99999999999999999999`)",
			does:   "the `exp` check fails as out of range; never read as “never expires” (exit 1)",
			cases: []attackCase{
				{name: "1e400", token: demoSigned("", claimsWith(`"exp":1e400`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:fail", exit: 1, message: "NumericDate out of range: 1e400"},
				{name: "99999999999999999999", token: demoSigned("", claimsWith(`"exp":99999999999999999999`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:fail", exit: 1, message: "NumericDate out of range: 99999999999999999999"},
			},
		},
		{
			id:     "exp-milliseconds",
			attack: "`exp` in milliseconds (`1704067500000`: 2024-01-01T00:05:00Z in milliseconds, the year 55969 in seconds)",
			does:   "read in seconds, as RFC 7519 says and verifiers do: `exp` passes (no “out of range” failure), a warning says it looks like milliseconds, names the year, says the token in effect never expires and gives the date in milliseconds, and `exp` is flagged as a risk (exit 0)",
			cases: []attackCase{
				{name: "demo JWKS", token: demoSigned("", claimsWith(`"exp":1704067500000`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:pass", exit: 0,
					message: `"exp" looks like milliseconds: year 55969 when read as seconds`,
					also: []string{"so in effect the token never expires", "in milliseconds it would be 2024-01-01T00:05:00Z", "expires 55969-10-01T11:20:00Z",
						"risk: the token lives about 53979 years (exp − iat)"},
					never: []string{"out of range"}},
			},
		},
		{
			id:     "string-exp",
			attack: "`exp` as a string (`\"1767225900\"`)",
			does:   "the `exp` check fails: a NumericDate is a JSON number (exit 1)",
			cases: []attackCase{
				{name: "string", token: demoSigned("", claimsWith(`"exp":"1767225900"`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:fail", exit: 1, message: "not a NumericDate (seconds since 1970 as a JSON number): got string"},
			},
		},
		{
			id:     "odd-times",
			attack: "negative and fractional times (`exp: -1`, `exp: 1767225900.5`)",
			does:   "read as NumericDates: `-1` is in 1969, so `exp` fails; the fraction is kept and `exp` passes until it is reached",
			cases: []attackCase{
				{name: "-1", token: demoSigned("", claimsWith(`"exp":-1`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:fail", exit: 1, message: "expired 1969-12-31T23:59:59Z"},
				{name: "1767225900.5", token: demoSigned("", claimsWith(`"exp":1767225900.5`)), keys: demoJWKSFile,
					status: verify.StatusValid, checks: "signature:pass exp:pass", exit: 0, message: "expires 2026-01-01T00:05:00Z"},
			},
		},
	}
}

func keyName(k keySource) string {
	if k.flag == "" {
		return "no key"
	}
	return k.flag + " " + k.file
}

// p256N is the order of P-256: r = s = n is r = s = 0 modulo n.
func p256N() []byte { return elliptic.P256().Params().N.FillBytes(make([]byte, 32)) }

// x5cText is the certificate as a JWKS's x5c carries it: base64 DER text.
func x5cText(e *attackEnv) []byte { return []byte(base64.StdEncoding.EncodeToString(e.demoCert)) }

// pemBody is the demo public key PEM without its BEGIN and END lines.
func pemBody(e *attackEnv) []byte {
	lines := strings.Split(strings.TrimSpace(string(e.demoPEM)), "\n")
	return []byte(strings.Join(lines[1:len(lines)-1], "\n") + "\n")
}

// detachedUnencoded signs an RFC 7797 token the way its §3 says (the
// signing input is the payload as is) and detaches the payload, as the
// compact form must for a payload holding dots (§5.2).
func detachedUnencoded(header, payload string) func(*testing.T, *attackEnv) string {
	return func(t *testing.T, e *attackEnv) string {
		priv, err := jwt.ParseRSAPrivateKeyFromPEM(readFixture(t, "demo-signing-key.DEMO-ONLY.pem"))
		if err != nil {
			t.Fatal(err)
		}
		h := b64([]byte(header))
		sig, err := jwt.SigningMethodRS256.Sign(h+"."+payload, priv)
		if err != nil {
			t.Fatal(err)
		}
		return h + ".." + b64(sig)
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../fixtures/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// refuseNetwork fails every request and remembers it: no attack may make
// oidcscope fetch anything (jku and x5u least of all).
type refuseNetwork struct{ urls []string }

func (n *refuseNetwork) RoundTrip(req *http.Request) (*http.Response, error) {
	n.urls = append(n.urls, req.URL.String())
	return nil, errors.New("the attack tests allow no network")
}

func TestAttacks(t *testing.T) {
	e := newAttackEnv(t)
	var slowest time.Duration
	var slowestName string
	for _, row := range attackRows() {
		if len(row.cases) == 0 {
			t.Errorf("row %q has no cases", row.attack)
		}
		for _, c := range row.cases {
			t.Run(row.id+"/"+c.name, func(t *testing.T) {
				d := runAttack(t, e, c)
				if d > slowest {
					slowest, slowestName = d, t.Name()
				}
			})
		}
	}
	// Reported, never asserted: timing depends on the machine.
	t.Logf("slowest case: %v (%s)", slowest, slowestName)
}

// runAttack runs one case as the CLI would and checks everything the user
// sees. It returns how long inspecting and rendering took.
func runAttack(t *testing.T, e *attackEnv, c attackCase) time.Duration {
	input := []byte(c.token(t, e))
	files := map[string][]byte{}
	if c.keys.file != "" {
		files[c.keys.file] = c.keys.data(e)
	}
	var opened []string
	net := &refuseNetwork{}
	src := verify.Source{
		Fetcher: verify.Fetcher{Client: &http.Client{Transport: net}},
		ReadFile: func(name string) ([]byte, error) {
			opened = append(opened, name)
			if b, ok := files[name]; ok {
				return b, nil
			}
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
		},
	}
	switch c.keys.flag {
	case "--jwks":
		src.JWKS = c.keys.file
	case "--key":
		src.KeyFile = c.keys.file
	case "--secret-file":
		src.SecretFile = c.keys.file
	}
	var auds []string
	if c.audience != "" {
		auds = []string{c.audience}
	}

	start := time.Now()
	r := inspect.Run(context.Background(), inspect.Options{
		Providers: policyset.All(), // as the CLI runs it
		Input:     input,
		MaxSize:   c.maxSize,
		Source:    withFlagWords(src),
		Audiences: auds,
		Leeway:    verify.DefaultLeeway,
		At:        fixtures.StaticNow(),
		Now:       func() time.Time { t.Error("the clock was read although At is set"); return time.Time{} },
	})
	elapsed := time.Since(start)
	var text, js bytes.Buffer
	rend := lipgloss.NewRenderer(&text)
	rend.SetColorProfile(termenv.Ascii)
	start = time.Now()
	if err := report.Text(&text, r, rend); err != nil {
		t.Fatal(err)
	}
	textTime := time.Since(start)
	start = time.Now()
	if err := report.JSON(&js, r); err != nil {
		t.Fatal(err)
	}
	t.Logf("inspect.Run %v, text report %v, JSON report %v", elapsed, textTime, time.Since(start))

	out := text.String()
	if c.status == "" {
		if r.Token != nil {
			t.Errorf("a token was decoded (%s); want none", r.Token.Kind)
		}
	} else if got := r.Verify.Signature.Status; got != c.status {
		t.Errorf("signature %s, want %s (%s)", got, c.status, r.Verify.Signature.Reason)
	}
	for _, want := range strings.Fields(c.checks) {
		name, status, _ := strings.Cut(want, ":")
		name = strings.ReplaceAll(name, "_", " ")
		got := checkOf(r, name)
		if got == nil {
			t.Errorf("no %s check", name)
		} else if string(got.Status) != status {
			t.Errorf("%s check %s (%s), want %s", name, got.Status, got.Detail, status)
		}
	}
	if got := r.ExitCode(); got != c.exit {
		t.Errorf("exit code %d, want %d; errors %v", got, c.exit, r.Errors)
	}
	for _, m := range append([]string{c.message}, c.also...) {
		if !strings.Contains(out, m) {
			t.Errorf("the report does not say %q:\n%s", m, clip(out))
		}
	}
	for _, m := range c.never {
		if strings.Contains(out, m) {
			t.Errorf("the report says %q:\n%s", m, clip(out))
		}
	}
	// Whatever the token holds, it never reaches the terminal raw.
	if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\a') {
		t.Errorf("the text report carries a raw control character:\n%q", clip(out))
	}
	if !json.Valid(js.Bytes()) {
		t.Errorf("the JSON report is not JSON")
	}
	if len(net.urls) > 0 {
		t.Errorf("fetched %v; keys come only from what the user names", net.urls)
	}
	for _, name := range opened {
		if _, ok := files[name]; !ok {
			t.Errorf("opened %q; only %q was named", name, c.keys.file)
		}
	}
	return elapsed
}

func checkOf(r *inspect.Report, name string) *verify.Check {
	for i := range r.Verify.Checks {
		if r.Verify.Checks[i].Name == name {
			return &r.Verify.Checks[i]
		}
	}
	return nil
}

// clip keeps failure output readable for the megabyte-sized cases.
func clip(s string) string {
	const max = 4000
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

const checklistHeading = "## Attacks oidcscope is tested against"

// TestAttackChecklistInREADME: the README's checklist is exactly the rows
// above, in order, so it cannot claim a defence no row tests nor miss one.
// On failure it prints the section to paste.
func TestAttackChecklistInREADME(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, row := range attackRows() {
		want = append(want, row.checklistLine())
	}
	_, section, ok := strings.Cut(string(readme), "\n"+checklistHeading+"\n")
	if ok {
		section, _, _ = strings.Cut(section, "\n## ")
	}
	var got []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "- [") {
			got = append(got, line)
		}
	}
	lines := strings.Split(string(readme), "\n")
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("README.md lacks the line\n%s", w)
		}
	}
	if !ok || !slices.Equal(got, want) {
		t.Errorf("README.md's %q section is not the table's checklist; it should read:\n\n%s\n", checklistHeading, strings.Join(want, "\n"))
	}
}

// withFlagWords words src's messages as the command line does.
func withFlagWords(src verify.Source) verify.Source {
	src.Names = flagwords.Names
	return src
}
