package verify

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
)

// Hostile servers and key sets (issue 6, "Network and resources"): every
// network limit answered by a local server, large key sets, and the text a
// server sends kept escaped and short in errors. Durations are logged,
// never asserted.

// limitServer serves the paths below, plain loopback http.
func limitServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	// /announce/N declares Content-Length: N and writes N bytes.
	mux.HandleFunc("/announce/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	// /stream/N writes N bytes with no Content-Length.
	mux.HandleFunc("/stream/{n}", serveChunked)
	// /gzip-bomb: 8 MiB of zeros in a few KiB of gzip.
	mux.HandleFunc("/gzip-bomb", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(make([]byte, 8<<20))
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
		w.Write(b.Bytes())
	})
	// /redirect/N redirects N times before answering.
	mux.HandleFunc("/redirect/{n}", serveRedirects)
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestNetworkLimits: the body cap, the redirect cap and the address rules,
// each against a server that breaks it, through the client oidcscope
// builds itself (Fetcher.Client nil).
func TestNetworkLimits(t *testing.T) {
	srv := limitServer(t)
	tests := []struct {
		name string
		path string
		want error
		says []string
	}{
		{"2 MiB announced", "/announce/" + strconv.Itoa(2<<20), ErrBodyTooLarge, []string{"announced 2 MiB", "limit 1 MiB"}},
		{"2 MiB streamed", "/stream/" + strconv.Itoa(2<<20), ErrBodyTooLarge, []string{"more than the 1 MiB limit"}},
		{"gzip bomb", "/gzip-bomb", ErrBodyTooLarge, []string{"1 MiB"}},
		{"4 redirects", "/redirect/4", ErrTooManyRedirects, []string{"more than 3"}},
		{"redirect to the metadata IP", "/to?u=https://169.254.169.254/latest/meta-data/", ErrIPLiteralHost, []string{"redirect to https://169.254.169.254/latest/meta-data/", "DNS names"}},
		{"redirect to the IPv6 metadata IP", "/to?u=https://[fd00:ec2::254]/latest/meta-data/", ErrIPLiteralHost, []string{"fd00:ec2::254"}},
		{"redirect to the Alibaba metadata IP", "/to?u=https://100.100.100.200/latest/meta-data/", ErrIPLiteralHost, []string{"100.100.100.200"}},
		{"redirect to plain http metadata", "/to?u=http://169.254.169.254/latest/meta-data/", ErrNotHTTPS, []string{"http://169.254.169.254"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			body, err := typedGet(Fetcher{Timeout: 5 * time.Second}, srv.URL+tt.path)
			t.Logf("%v after %v", err, time.Since(start))
			if !errors.Is(err, tt.want) || body != nil {
				t.Fatalf("Get = %d bytes, %v; want %v", len(body), err, tt.want)
			}
			for _, s := range tt.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
	// Three redirects and exactly 1 MiB are within the limits.
	for _, path := range []string{"/redirect/3", "/announce/" + strconv.Itoa(1<<20), "/stream/" + strconv.Itoa(1<<20)} {
		if _, err := typedGet(Fetcher{Timeout: 5 * time.Second}, srv.URL+path); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// hostileText drives a terminal if printed as itself: clear the screen,
// write the clipboard (OSC 52), reverse the rest of the line.
const hostileText = "\x1b[2J\x1b]52;c;aGVsbG8=\x07\u202e"

// wantEscaped fails if msg, as every view shows it (through escape.Text,
// once), holds hostileText's characters as themselves or is longer than
// max. Errors keep foreign text raw, only shortened: the views escape.
func wantEscaped(t *testing.T, what, msg string, max int) {
	t.Helper()
	shown := escape.Text(msg)
	for _, raw := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(shown, raw) {
			t.Errorf("%s: %q holds %q unescaped", what, shown, raw)
		}
	}
	if len(shown) > max {
		t.Errorf("%s: %d bytes shown, want at most %d: %.120q…", what, len(shown), max, shown)
	}
}

func TestServerTextEscapedInErrors(t *testing.T) {
	long := strings.Repeat("x", 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/500":
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(w, "boom "+hostileText+" "+long)
		case "/all-escapes":
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprint(w, strings.Repeat("\x1b", 1000))
		case "/.well-known/openid-configuration":
			doc, _ := json.Marshal(map[string]string{"issuer": hostileText + long, "jwks_uri": "https://example.com/jwks"})
			w.Write(doc)
		}
	}))
	defer srv.Close()
	f := Fetcher{Timeout: 5 * time.Second}

	_, err := typedGet(f, srv.URL+"/500")
	if !errors.Is(err, ErrHTTPStatus) {
		t.Fatalf("err = %v, want ErrHTTPStatus", err)
	}
	for _, s := range []string{"500 Internal Server Error", `boom \x1b[2J\x1b]52;c;aGVsbG8=\x07\u202e xxx`, "…"} {
		if !strings.Contains(escape.Text(err.Error()), s) {
			t.Errorf("error %q does not contain %q", err, s)
		}
	}
	wantEscaped(t, "500 body", err.Error(), 400)

	// Escaping makes text longer; the excerpt is cut after escaping.
	_, err = typedGet(f, srv.URL+"/all-escapes")
	if !errors.Is(err, ErrHTTPStatus) || !strings.Contains(escape.Text(err.Error()), `\x1b\x1b`) {
		t.Fatalf("err = %v, want ErrHTTPStatus with escaped ESCs", err)
	}
	wantEscaped(t, "502 body of ESCs", err.Error(), 400)
	if strings.Contains(escape.Text(err.Error()), `\x1…`) {
		t.Errorf("error %q cuts an escape in half", err)
	}

	// A discovery document's issuer is quoted, escaped and cut too.
	_, err = typedDiscover(f, srv.URL)
	if !errors.Is(err, ErrIssuerMismatch) {
		t.Fatalf("err = %v, want ErrIssuerMismatch", err)
	}
	wantEscaped(t, "document issuer", err.Error(), 500)

	// A jwks_uri is kept in its parsed, percent-encoded form: it becomes
	// the key set's name, shown later.
	bidi := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		doc, _ := json.Marshal(map[string]string{"issuer": "http://" + r.Host, "jwks_uri": "http://" + r.Host + "/k\u202eeys"})
		w.Write(doc)
	}))
	defer bidi.Close()
	d, err := typedDiscover(f, bidi.URL)
	if err != nil || d.JWKSURI != bidi.URL+"/k%E2%80%AEeys" {
		t.Errorf("Discover = %q, %v; want the jwks_uri percent-encoded", d.JWKSURI, err)
	}

	// So is a hostile issuer in a token, when --discover fails for it.
	tok := mustParse(t, tokenForIssuer(t, srv.URL+"/"+hostileText+long, nil))
	_, err = Source{Discover: true, Fetcher: f}.Load(context.Background(), tok)
	if err == nil {
		t.Fatal("Load succeeded")
	}
	wantEscaped(t, "token issuer", err.Error(), 800)
}

// TestCertificateTextEscaped: x509 errors quote the certificate's names,
// which the server chose.
func TestCertificateTextEscaped(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "hostile"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		DNSNames:              []string{"evil" + "\x1b]52;c;aGVsbG8=\x07" + ".example", strings.Repeat("a", 60) + ".example"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	for i := 0; i < 20; i++ {
		tmpl.DNSNames = append(tmpl.DNSNames, fmt.Sprintf("name%02d.example", i))
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Skipf("this Go refuses such a certificate itself: %v", err)
	}
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	srv.StartTLS()
	defer srv.Close()

	pool := x509.NewCertPool()
	pool.AddCert(cert)
	n := newFakeNet(t, srv, map[string][]string{"keys.example.net": {"140.82.112.21"}})
	f := n.fetcher(&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}})
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)                      // the handshake error is the point
	_, err = f.Get(context.Background(), "https://keys.example.net/jwks") // not a name in the certificate
	var hostErr x509.HostnameError
	if !errors.As(err, &hostErr) {
		t.Fatalf("err = %v, want an x509.HostnameError", err)
	}
	if !strings.Contains(escape.Text(err.Error()), `evil\x1b]52;c;aGVsbG8=\x07.example`) {
		t.Errorf("error %q does not show the certificate's name escaped", err)
	}
	wantEscaped(t, "certificate names", err.Error(), 600)
}

// TestErrorsHoldNoKeyOrToken: key material and token text stay out of
// errors; a kid, an issuer and a URL may appear.
func TestErrorsHoldNoKeyOrToken(t *testing.T) {
	secretN := strings.Repeat("S3cr3tModulus", 20) // valid base64url
	srv := newKeyServer(t, true, map[string]string{
		"/bad-keys":                         `{"keys":[{"kty":"RSA","kid":"k1","e":"AQAB","n":"` + secretN + `!"},{"kty":"RSA","kid":"k2","e":"` + secretN + `","n":"` + secretN + `"}]}`,
		"/.well-known/openid-configuration": `{"issuer":"{{base}}","jwks_uri":"{{base}}/missing"}`,
	})
	text := tokenForIssuer(t, srv.URL, nil)
	tok := mustParse(t, text)
	parts := strings.Split(text, ".")

	var errs []error
	_, err := Source{JWKS: srv.URL + "/bad-keys", Fetcher: srv.fetcher()}.Load(context.Background(), tok)
	errs = append(errs, err)
	_, err = Source{Discover: true, Issuer: srv.URL, Fetcher: srv.fetcher()}.Load(context.Background(), tok)
	errs = append(errs, err)
	for i, err := range errs {
		if err == nil {
			t.Fatalf("case %d: Load succeeded", i)
		}
		msg := err.Error()
		if strings.Contains(msg, "S3cr3tModulus") {
			t.Errorf("error %q shows key material", msg)
		}
		for _, p := range parts {
			if strings.Contains(msg, p[:12]) {
				t.Errorf("error %q shows token text %q", msg, p[:12])
			}
		}
	}
}

// manyKeys is a JWK Set of n Ed25519 keys with kids k0…k(n-1); the last is
// the one that signs. Made once: the benchmark and the test share it.
var manyKeys = sync.OnceValues(func() ([]byte, ed25519.PrivateKey) {
	const n = 10000
	rng := mrand.New(mrand.NewChaCha8([32]byte{6}))
	var b bytes.Buffer
	b.WriteString(`{"keys":[`)
	var signer ed25519.PrivateKey
	for i := range n {
		// Random bytes are a valid-looking "x"; only the signer's is a real key.
		x := make([]byte, ed25519.PublicKeySize)
		for j := range x {
			x[j] = byte(rng.Uint32())
		}
		if i == n-1 {
			signer = ed25519.NewKeyFromSeed(x)
			x = signer.Public().(ed25519.PublicKey)
		}
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"kty":"OKP","crv":"Ed25519","kid":"k%d","x":%q}`, i, b64.EncodeToString(x))
	}
	b.WriteString(`]}`)
	return b.Bytes(), signer
})

// signEd25519 is a compact EdDSA JWS of the demo claims under header.
func signEd25519(tb testing.TB, key ed25519.PrivateKey, header string) *decode.Token {
	tb.Helper()
	raw, _ := fixtures.ClaimSet(fixtures.DefaultDemo)
	payload, err := fixtures.SetTimes(raw, fixtures.StaticIAT())
	if err != nil {
		tb.Fatal(err)
	}
	input := b64json(header) + "." + b64.EncodeToString(payload)
	sig, err := jwt.SigningMethodEdDSA.Sign(input, key)
	if err != nil {
		tb.Fatal(err)
	}
	tok, err := decode.Parse(input + "." + b64.EncodeToString(sig))
	if err != nil {
		tb.Fatal(err)
	}
	return tok
}

// serveBytes serves body at every path over TLS.
func serveBytes(tb testing.TB, body []byte) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// loadTimed loads tok's keys from srv/jwks and verifies tok, logging how
// long each took.
func loadTimed(t *testing.T, what string, srv *httptest.Server, tok *decode.Token) (*KeySet, Result, error) {
	t.Helper()
	start := time.Now()
	ks, err := Source{JWKS: srv.URL + "/jwks", Fetcher: Fetcher{Client: srv.Client()}}.Load(context.Background(), tok)
	loaded := time.Since(start)
	start = time.Now()
	res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()})
	t.Logf("%s: fetch+parse %v, verify %v (%s)", what, loaded, time.Since(start), res.Signature.Status)
	return ks, res, err
}

func TestJWKS10000Keys(t *testing.T) {
	body, signer := manyKeys()
	srv := serveBytes(t, body)
	t.Logf("JWK Set of 10000 keys: %s", formatSize(int64(len(body))))

	tok := signEd25519(t, signer, `{"alg":"EdDSA","kid":"k9999"}`)
	ks, res, err := loadTimed(t, "kid of the last key", srv, tok)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(ks.KIDs) != 10000 || len(ks.Skipped) != 0 {
		t.Errorf("loaded %d kids, skipped %d; want 10000 and none", len(ks.KIDs), len(ks.Skipped))
	}
	wantValid(t, "kid k9999 in 10000 keys", res)
	if res.Signature.Kid != "k9999" {
		t.Errorf("signature kid %q, want k9999", res.Signature.Kid)
	}

	tok = signEd25519(t, signer, `{"alg":"EdDSA","kid":"not-there"}`)
	_, res, err = loadTimed(t, "unknown kid", srv, tok)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	wantUnverified(t, "unknown kid in 10000 keys", res, ErrUnknownKID)
	if !strings.Contains(res.Signature.Reason, `"not-there"`) {
		t.Errorf("reason %.120q… does not name the token's kid", res.Signature.Reason)
	}
	t.Logf("unknown-kid reason is %d bytes", len(res.Signature.Reason))

	// No kid: every key may have signed it, and the signer is the last.
	tok = signEd25519(t, signer, `{"alg":"EdDSA"}`)
	_, res, err = loadTimed(t, "no kid", srv, tok)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	wantValid(t, "kid-less token against 10000 keys", res)
}

func TestJWKSOneHugeKey(t *testing.T) {
	demo := demoJWK(t)
	tok := mustParse(t, demoToken(t, "push-main"))
	pad := strings.Repeat("p", 900<<10)

	t.Run("900 KiB of extra members", func(t *testing.T) {
		srv := serveBytes(t, jwksOf(t, jwkJSON(t, demo, map[string]any{"x-padding": pad})))
		ks, res, err := loadTimed(t, "900 KiB JWK", srv, tok)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		wantValid(t, "demo key padded to 900 KiB", res)
		if len(ks.KIDs) != 1 || ks.KIDs[0] != "oidcscope-demo" {
			t.Errorf("kids %q", ks.KIDs)
		}
	})

	t.Run("900 KiB x5c", func(t *testing.T) {
		srv := serveBytes(t, jwksOf(t, jwkJSON(t, demo, map[string]any{"x5c": []string{strings.Repeat("MIIB", 900<<10/4)}})))
		ks, _, err := loadTimed(t, "900 KiB x5c", srv, tok)
		if ks != nil || !errors.Is(err, ErrNoKeysInSet) {
			t.Fatalf("Load = %v, %v; want ErrNoKeysInSet", ks, err)
		}
		if len(err.Error()) > 300 || strings.Contains(err.Error(), "MIIBMIIB") {
			t.Errorf("error %.200q… is long or shows the key", err)
		}
	})

	t.Run("900 KiB RSA modulus", func(t *testing.T) {
		// A 5.5-million-bit odd modulus under the token's kid. Go's RSA
		// code takes time quadratic in the modulus before it looks at the
		// signature (64 KiB: seconds; 900 KiB: minutes), so such a key must
		// be refused when loaded, before any verification.
		n := make([]byte, 675<<10)
		n[0], n[len(n)-1] = 0xc1, 1
		srv := serveBytes(t, jwksOf(t, jwkJSON(t, demo, map[string]any{"n": b64.EncodeToString(n)})))
		start := time.Now()
		ks, err := Source{JWKS: srv.URL + "/jwks", Fetcher: Fetcher{Client: srv.Client()}}.Load(context.Background(), tok)
		t.Logf("900 KiB modulus: fetch+parse %v", time.Since(start))
		if err == nil && len(ks.KIDs) > 0 {
			t.Fatal("a 5.5-million-bit RSA key was loaded; verifying with it takes minutes")
		}
		if !errors.Is(err, ErrNoKeysInSet) {
			t.Errorf("err = %v, want ErrNoKeysInSet (the huge key skipped)", err)
		}
		if err != nil && len(err.Error()) > 300 {
			t.Errorf("error is %d bytes", len(err.Error()))
		}
		res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()})
		if res.Signature.Status == StatusValid {
			t.Errorf("signature %s with a key that did not sign", res.Signature.Status)
		}
	})
}

// BenchmarkJWKS10000Keys: fetch a 10000-key set from a local server, parse
// it, and verify a token whose kid is the last key's.
func BenchmarkJWKS10000Keys(b *testing.B) {
	body, signer := manyKeys()
	srv := serveBytes(b, body)
	tok := signEd25519(b, signer, `{"alg":"EdDSA","kid":"k9999"}`)
	src := Source{JWKS: srv.URL + "/jwks", Fetcher: Fetcher{Client: srv.Client()}}
	b.Run("load", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := src.Load(context.Background(), tok); err != nil {
				b.Fatal(err)
			}
		}
	})
	ks, err := src.Load(context.Background(), tok)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			if res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()}); res.Signature.Status != StatusValid {
				b.Fatal(res.Signature.Reason)
			}
		}
	})
}
