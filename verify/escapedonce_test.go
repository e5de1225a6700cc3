package verify

import (
	"context"
	"encoding/json"
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/fixtures"
)

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHostileValuesQuotedOnce: each of verify's messages that quotes a
// value from outside (a kid, an alg, a crit name, an iss, an aud, a URL,
// a host) shows it escaped once, so \x1b is an ESC and \\x1b a backslash
// then x1b, as the README says.
func TestHostileValuesQuotedOnce(t *testing.T) {
	demo := demoJWK(t)
	escapetest.Each(t, func(t *testing.T, v string) {
		withKid := func(extra map[string]any) *KeySet {
			extra["kid"] = v
			return mustJWKS(t, jwksOf(t, jwkJSON(t, demo, extra)), SourceJWKSFile, "hostile.json")
		}
		header := func(alg string) []byte {
			return []byte(`{"alg":` + jsonString(t, alg) + `,"kid":` + jsonString(t, v) + `}`)
		}
		payload := func(claim string) []byte {
			var m map[string]any
			if err := json.Unmarshal(demoPayload(t), &m); err != nil {
				t.Fatal(err)
			}
			m[claim] = v
			b, _ := json.Marshal(m)
			return b
		}
		run := func(tok string, opts Options) Result {
			opts.At = fixtures.StaticNow()
			return Verify(mustParse(t, tok), opts)
		}

		res := run(signDemo(t, demoPayload(t), header("RS256")), Options{Keys: demoKeys(t)})
		escapetest.WantQuotedOnce(t, "unknown kid", res.Signature.Reason, v)

		res = run(signDemo(t, demoPayload(t), []byte(`{"alg":"RS256","kid":"other"}`)), Options{Keys: withKid(map[string]any{})})
		escapetest.WantQuotedOnce(t, "the set's kids", res.Signature.Reason, v)

		res = run(signDemo(t, demoPayload(t), header("RS256")), Options{Keys: withKid(map[string]any{})})
		escapetest.WantQuotedOnce(t, "verified with kid", res.Signature.Reason, v)

		res = run(signDemo(t, demoPayload(t), header("RS256")), Options{Keys: withKid(map[string]any{"alg": "RS384"})})
		escapetest.WantQuotedOnce(t, "key for another alg", res.Signature.Reason, v)

		res = run(signDemo(t, demoPayload(t), header("RS256")), Options{Keys: withKid(map[string]any{"use": "enc"})})
		escapetest.WantQuotedOnce(t, "key for encryption", res.Signature.Reason, v)

		res = run(signDemo(t, demoPayload(t), header(v)), Options{Keys: demoKeys(t)})
		escapetest.WantQuotedOnce(t, "unsupported alg", res.Signature.Reason, v)

		crit := []byte(`{"alg":"RS256","crit":[` + jsonString(t, v) + `],` + jsonString(t, v) + `:1}`)
		res = run(signDemo(t, demoPayload(t), crit), Options{Keys: demoKeys(t)})
		escapetest.WantQuotedOnce(t, "unknown crit", res.Signature.Reason, v)

		res = run(signDemo(t, payload("iss"), nil), Options{Issuer: "https://issuer.example"})
		escapetest.WantQuotedOnce(t, "iss check", check(t, res, "iss").Detail, v)

		res = run(signDemo(t, payload("aud"), nil), Options{Audiences: []string{"https://aud.example"}})
		escapetest.WantQuotedOnce(t, "aud check", check(t, res, "aud").Detail, v)

		oct := jwkJSON(t, map[string]any{"kty": "oct", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA", "kid": v}, nil)
		ks := mustJWKS(t, jwksOf(t, oct, jwkJSON(t, demo, nil)), SourceJWKSFile, "mixed.json")
		escapetest.WantQuotedOnce(t, "skipped key", strings.Join(ks.Skipped, "; "), v)

		bad := "https://issuer.example/" + v + "%zz"
		_, err := parseURL(bad, named{})
		escapetest.WantQuotedOnce(t, "invalid URL", errText(err), bad)

		if !strings.Contains(v, "\n") { // a PEM type is one line
			_, err = ParseKeyFile(pemOf(v, []byte("not a key")), "key.pem")
			escapetest.WantQuotedOnce(t, "PEM type", errText(err), v)
		}

		// An issuer url.Parse refuses (a control character) is named
		// inside the discovery URL, so only its start is quoted.
		iss := "https://issuer.example/?" + v
		_, err = Fetcher{}.discover(context.Background(), iss, named{})
		escapetest.WantShownOnce(t, "issuer with a query", errText(err), `"`+iss)

		// Hosts: url.Parse takes only the non-ASCII ones as an IPv6
		// zone; a resolver may hand back any name.
		if strings.ContainsAny(v, "\u202e\u200b") {
			_, err = parseURL("https://[fe80::1%25"+v+"]/jwks", named{})
			escapetest.WantShownOnce(t, "IP literal host", errText(err), "fe80::1%"+v+" is an IP address")
		}
		host := strings.TrimSuffix(v, "[31m") // SplitHostPort refuses a '['
		none := &dialGuard{proxies: map[string]bool{}, lookup: func(context.Context, string) ([]netip.Addr, error) { return nil, nil }}
		_, err = none.DialContext(context.Background(), "tcp", net.JoinHostPort(host, "443"))
		escapetest.WantShownOnce(t, "no address", errText(err), "no address for "+host)
		loop := &dialGuard{proxies: map[string]bool{}, lookup: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}}
		_, err = loop.DialContext(context.Background(), "tcp", net.JoinHostPort(host, "443"))
		escapetest.WantShownOnce(t, "resolves to loopback", errText(err), net.JoinHostPort(host, "443")+" resolves to 127.0.0.1")
		meta := &dialGuard{proxies: map[string]bool{}, lookup: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("169.254.169.254")}, nil
		}}
		_, err = meta.DialContext(context.Background(), "tcp", net.JoinHostPort(host, "443"))
		escapetest.WantShownOnce(t, "resolves to metadata", errText(err), host+" resolves to 169.254.169.254")
	})
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
