package inspect_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// FuzzInspect runs the whole pipeline (extract, decode, verify with the
// demo keys, explain, evaluate the demo policies) offline at a fixed
// instant on any input. It never panics, always returns a report with an
// exit code of 0, 1 or 2, and never calls a signature valid unless an
// independent RS256 check with the demo public key agrees over exactly the
// bytes the report shows as header and payload.
func FuzzInspect(f *testing.F) {
	opts := fuzzOptions(f)
	pub := demoPublicKey(f)
	for _, s := range inspectSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		o := opts
		o.Input = in
		checkReport(t, pub, inspect.Run(context.Background(), o))
	})
}

// FuzzInspectTampered changes one byte of a fixture token and requires the
// signature to be anything but valid; the unchanged token (the byte
// replaced by itself) must still be valid, so the target cannot pass by
// never verifying anything. One byte is enough: the changed text is no
// longer the text that was signed, whatever extraction then makes of it
// (a space or line break is removed, shortening it; any other byte stays).
func FuzzInspectTampered(f *testing.F) {
	opts := fuzzOptions(f)
	pub := demoPublicKey(f)
	tokens := testseeds.StaticTokens(f)
	for i := range tokens {
		f.Add(uint8(i), uint16(0), byte('e'))      // unchanged
		f.Add(uint8(i), uint16(100), byte('A'))    // header or payload
		f.Add(uint8(i), uint16(65000), byte('\n')) // somewhere, removed by extraction
		f.Add(uint8(i), uint16(1<<16-1), byte('='))
	}
	f.Fuzz(func(t *testing.T, which uint8, pos uint16, b byte) {
		tok := []byte(tokens[int(which)%len(tokens)])
		i := int(pos) % len(tok)
		unchanged := tok[i] == b
		tok[i] = b
		o := opts
		o.Input = tok
		r := inspect.Run(context.Background(), o)
		checkReport(t, pub, r)
		switch valid := r.Verify.Signature.Status == verify.StatusValid; {
		case unchanged && !valid:
			t.Fatalf("the untouched fixture token is %s: %s", r.Verify.Signature.Status, r.Verify.Signature.Reason)
		case !unchanged && valid:
			t.Fatalf("byte %d changed to %q, yet the signature is valid", i, b)
		}
	})
}

// fuzzOptions are the demo's: embedded keys and sample policies, the
// expected issuer and audience, offline, at the static tokens' instant.
func fuzzOptions(tb testing.TB) inspect.Options {
	tb.Helper()
	policies := policyset.Loader{ReadFile: func(p string) ([]byte, error) {
		return fs.ReadFile(fixtures.Policies(), p)
	}}.Load(fixtures.DemoPolicies(), nil, nil)
	if policies.Failed() {
		tb.Fatalf("demo policies: %+v", policies.Failures())
	}
	return inspect.Options{
		Keys:      demoKeys(tb),
		Source:    verify.Source{Offline: true},
		Issuer:    gitHubIssuer,
		Audiences: []string{"sts.amazonaws.com"},
		Leeway:    verify.DefaultLeeway,
		At:        fixtures.StaticNow(),
		Now:       func() time.Time { panic("Now called although At is set") },
		Policies:  policies,
		Providers: policyset.All(),
	}
}

func demoPublicKey(tb testing.TB) *rsa.PublicKey {
	tb.Helper()
	block, _ := pem.Decode(fixtures.DemoPublicKeyPEM())
	if block == nil {
		tb.Fatal("demo public key: no PEM block")
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		tb.Fatal(err)
	}
	pub, ok := k.(*rsa.PublicKey)
	if !ok {
		tb.Fatalf("demo public key is a %T", k)
	}
	return pub
}

// checkReport holds for every input.
func checkReport(t *testing.T, pub *rsa.PublicKey, r *inspect.Report) {
	t.Helper()
	if r == nil {
		t.Fatal("no report")
	}
	code := r.ExitCode()
	if code < 0 || code > 2 {
		t.Fatalf("exit code %d", code)
	}
	if r.Token == nil {
		if code != 2 || len(r.Errors) == 0 || r.Errors[0].Stage != inspect.StageExtract || r.Claims != nil {
			t.Fatalf("no token, yet exit %d, errors %v, %d claims", code, r.Errors, len(r.Claims))
		}
		return
	}
	if len(r.Claims) != len(r.Token.Payload.Members) {
		t.Fatalf("%d claims for %d payload members", len(r.Claims), len(r.Token.Payload.Members))
	}
	sig := r.Verify.Signature
	// Keys were given: "unverified" would mean there were none, none with
	// the token's kid (a rotated or foreign key checks nothing), or a
	// token cut short, whose signature nothing can check.
	missing := errors.Is(sig.Err, verify.ErrUnknownKID) || errors.Is(sig.Err, decode.ErrTruncated)
	if sig.Status == "" || sig.Status == verify.StatusUnverified && !missing {
		t.Fatalf("signature %q with the demo keys given: %s", sig.Status, sig.Reason)
	}
	if code == 0 && sig.Status != verify.StatusValid {
		t.Fatalf("exit 0 with keys given and a %s signature", sig.Status)
	}
	if sig.Status == verify.StatusValid {
		if err := reallySigned(r.Token, pub); err != nil {
			t.Fatalf("signature reported valid (%s), but %v\ntoken: %q", sig.Reason, err, r.Token.Input.Text)
		}
	}
}

// reallySigned is the independent check: the extracted text is exactly
// three strict base64url segments, the header says RS256 and names the
// demo key or none, the decoded header, payload and signature the report
// holds are those segments' bytes, and the demo public key verifies the
// signature over the first two segments.
func reallySigned(tok *decode.Token, pub *rsa.PublicKey) error {
	if tok.Kind != decode.KindJWS {
		return fmt.Errorf("kind %q is not a compact JWS", tok.Kind)
	}
	if alg, ok := tok.Header.Get("alg"); !ok || alg.Kind != decode.String || alg.Text != "RS256" || tok.Header.Count("alg") != 1 {
		return errors.New(`the header's "alg" is not exactly RS256`)
	}
	if kid, ok := tok.Header.Get("kid"); ok && (kid.Kind != decode.String || kid.Text != fixtures.DemoKID || tok.Header.Count("kid") != 1) {
		return errors.New(`the header's "kid" names another key`)
	}
	parts := strings.Split(tok.Input.Text, ".")
	if len(parts) != 3 {
		return fmt.Errorf("%d segments", len(parts))
	}
	if tok.SigningInput != parts[0]+"."+parts[1] {
		return fmt.Errorf("signing input %q is not the first two segments", tok.SigningInput)
	}
	enc := base64.RawURLEncoding.Strict()
	var raw [3][]byte
	for i, p := range parts {
		b, err := enc.DecodeString(p)
		if err != nil {
			return fmt.Errorf("segment %d is not strict base64url: %v", i, err)
		}
		raw[i] = b
	}
	if len(tok.Segments) != 3 || !bytes.Equal(tok.Segments[0].Bytes, raw[0]) || !bytes.Equal(tok.PayloadBytes, raw[1]) || !bytes.Equal(tok.Signature, raw[2]) {
		return errors.New("the decoded segments are not the bytes of the text")
	}
	h := sha256.Sum256([]byte(tok.SigningInput))
	if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, h[:], raw[2]); err != nil {
		return fmt.Errorf("the demo public key does not verify it: %v", err)
	}
	return nil
}

// inspectSeeds: the fixture tokens as pasted and re-signed with hostile
// headers, the real GitHub token, every Wycheproof JWS and JWE (hostile
// algorithms, keys and encodings), and the JSONTestSuite documents signed
// as payloads, so that hostile claims reach explain and the policies with
// a valid signature. All of it is in the repository (decode/testdata holds
// the hostile corpus, see its SOURCES.md).
func inspectSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	add := func(s string) { out = append(out, []byte(s)) }
	sign := func(payload, header []byte) string {
		tok, err := fixtures.SignPayload(payload, header)
		if err != nil {
			tb.Fatal(err)
		}
		return tok
	}
	toks := testseeds.StaticTokens(tb)
	for _, tok := range toks {
		add(tok)
	}
	add("Bearer " + toks[0])
	add(`{"count":1,"value":"` + toks[0] + `"}`)
	claims, err := fixtures.ClaimSet(fixtures.DefaultDemo)
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range []string{
		`{"alg":"RS384","kid":"oidcscope-demo"}`, // an RS256 signature under another name
		`{"alg":"none"}`, `{"alg":"RS256"}`, `{"alg":"RS256","kid":"another"}`, `{"alg":"rs256","kid":"oidcscope-demo"}`,
		`{"alg":"RS256","alg":"none"}`, `{"alg":"RS256","kid":"oidcscope-demo","crit":["b64"],"b64":false}`,
		`{"alg":"RS256","kid":"oidcscope-demo","jku":"https://evil.example/jwks","x5u":"https://evil.example/c"}`,
	} {
		add(sign(claims, []byte(h)))
	}
	// HS256 keyed with the public key: the classic algorithm confusion.
	enc := base64.RawURLEncoding
	for _, secret := range [][]byte{fixtures.DemoPublicKeyPEM(), fixtures.DemoJWKS()} {
		input := enc.EncodeToString([]byte(`{"alg":"HS256","kid":"oidcscope-demo"}`)) + "." + enc.EncodeToString(claims)
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(input))
		add(input + "." + enc.EncodeToString(mac.Sum(nil)))
	}
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "github", "sigstore-beacon.jwt")); err == nil {
		out = append(out, b)
	} else {
		tb.Fatal(err)
	}
	for _, s := range testseeds.WycheproofTokens(tb) {
		add(s)
	}
	for _, doc := range testseeds.Small(testseeds.JSONTestSuite(tb)) {
		add(sign(doc, nil))
	}
	return out
}
