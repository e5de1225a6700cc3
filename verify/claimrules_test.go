package verify

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// Claim and header rules of issue 13: a malformed aud, a zip header on a
// JWS, and time claims written in milliseconds.

// unsignedWith is an RS256-looking token (never verified here) with header
// and claims as given.
func unsignedWith(t *testing.T, header, claims string) Result {
	t.Helper()
	tok := mustParse(t, b64json(header)+"."+b64json(claims)+".c2ln")
	return Verify(tok, Options{At: fixtures.StaticNow()})
}

func TestAudienceMalformed(t *testing.T) {
	for _, tc := range []struct {
		aud  string
		want []string // expected audiences
		st   CheckStatus
		says string
	}{
		{`123`, nil, Fail, "neither a string nor an array of strings (RFC 7519 §4.1.3): it is a number"},
		{`123`, []string{"123"}, Fail, "neither a string nor an array of strings"},
		{`["a",1]`, nil, Fail, "neither a string nor an array of strings"},
		{`["a",1]`, []string{"a"}, Fail, "neither a string nor an array of strings"},
		{`{"a":1}`, nil, Fail, "neither a string nor an array of strings (RFC 7519 §4.1.3): it is an object"},
		{`null`, nil, Fail, "neither a string nor an array of strings (RFC 7519 §4.1.3): it is null"},
		{`"a"`, nil, Skip, "no expected audience"},
		{`[]`, nil, Skip, "no expected audience"},
		{`["a","b"]`, []string{"b"}, Pass, `contains "b"`},
	} {
		tok := mustParse(t, b64json(`{"alg":"RS256"}`)+"."+b64json(`{"aud":`+tc.aud+`}`)+".c2ln")
		c := check(t, Verify(tok, Options{Audiences: tc.want, At: fixtures.StaticNow()}), "aud")
		if c.Status != tc.st || !strings.Contains(c.Detail, tc.says) {
			t.Errorf("aud %s, expected %q: %s %q; want %s saying %q", tc.aud, tc.want, c.Status, c.Detail, tc.st, tc.says)
		}
	}
}

func TestZipHeaderWarns(t *testing.T) {
	hasZip := func(ws []string) bool {
		for _, w := range ws {
			if strings.Contains(w, `"zip"`) {
				return true
			}
		}
		return false
	}
	if ws := unsignedWith(t, `{"alg":"RS256","zip":"DEF"}`, claimsJSON).Warnings; !hasZip(ws) {
		t.Errorf("JWS with zip: warnings %q; want one about \"zip\"", ws)
	}
	if ws := unsignedWith(t, `{"alg":"RS256"}`, claimsJSON).Warnings; hasZip(ws) {
		t.Errorf("JWS without zip: warnings %q", ws)
	}
	// zip is defined for JWE (RFC 7516 §4.1.3): no warning there.
	jwe := mustParse(t, b64json(`{"alg":"RSA-OAEP","enc":"A256GCM","zip":"DEF"}`)+".a2V5.aXY.Y2lwaGVy.dGFn")
	if ws := Verify(jwe, Options{}).Warnings; hasZip(ws) {
		t.Errorf("JWE with zip: warnings %q", ws)
	}
}

// TestTimeClaimsInMilliseconds: a NumericDate in milliseconds is read as
// seconds, as RFC 7519 and every verifier read it, and a warning says what
// it looks like.
func TestTimeClaimsInMilliseconds(t *testing.T) {
	const ms = "1704067500000" // 2024-01-01T00:05:00Z in milliseconds; as seconds, 55969-10-01T11:20:00Z
	for _, tc := range []struct {
		claim string
		st    CheckStatus
		says  string
	}{
		{"exp", Pass, "expires 55969-10-01T11:20:00Z"},
		{"nbf", Fail, "not valid yet"},
		{"iat", Fail, "issued in the future"},
	} {
		res := unsignedWith(t, `{"alg":"RS256"}`, `{"`+tc.claim+`":`+ms+`}`)
		c := check(t, res, tc.claim)
		if c.Status != tc.st || !strings.Contains(c.Detail, tc.says) {
			t.Errorf("%s %s: %s %q; want %s saying %q", tc.claim, ms, c.Status, c.Detail, tc.st, tc.says)
		}
		warned := false
		for _, w := range res.Warnings {
			if strings.Contains(w, tc.claim) && strings.Contains(w, "looks like milliseconds: year 55969") && strings.Contains(w, "2024-01-01T00:05:00Z") {
				warned = true
			}
		}
		if !warned {
			t.Errorf("%s %s: warnings %q; want one saying it looks like milliseconds", tc.claim, ms, res.Warnings)
		}
	}
	// Seconds are not flagged, and absurd values stay refused.
	res := unsignedWith(t, `{"alg":"RS256"}`, `{"exp":1704067500}`)
	for _, w := range res.Warnings {
		if strings.Contains(w, "milliseconds") {
			t.Errorf("exp in seconds: warning %q", w)
		}
	}
	for _, v := range []string{"1e20", "1704067500000000", "-1e15"} {
		c := check(t, unsignedWith(t, `{"alg":"RS256"}`, `{"exp":`+v+`}`), "exp")
		if c.Status != Fail || !strings.Contains(c.Detail, "out of range") {
			t.Errorf("exp %s: %s %q; want fail, out of range", v, c.Status, c.Detail)
		}
	}
}
