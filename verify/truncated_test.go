package verify

import (
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// TestTruncatedIsNeverInvalid (issue 16, item 10): a token cut short
// cannot have its signature checked, with the right key or none; it is
// unverified with the reason, never invalid. That holds for a cut the
// decoder sees (two segments, impossible base64url) and for one it cannot
// (a shorter signature that is still base64url), which the RSA key's size
// gives away.
func TestTruncatedIsNeverInvalid(t *testing.T) {
	tok := signDemo(t, demoPayload(t), nil)
	sigAt := strings.LastIndexByte(tok, '.') + 1
	demo := demoKeys(t)
	for _, c := range []struct {
		name string
		text string
		keys []*KeySet
	}{
		{"cut in the payload", tok[:sigAt-100], []*KeySet{nil, demo}},
		{"cut in the signature, impossible base64url", tok[:sigAt+5], []*KeySet{nil, demo}},
		// With no key, nothing tells this cut from a whole signature.
		{"cut in the signature, still base64url", tok[:sigAt+200], []*KeySet{demo}},
	} {
		for _, keys := range c.keys {
			res := Verify(mustParse(t, c.text), Options{Keys: keys, At: fixtures.StaticNow()})
			wantUnverified(t, c.name, res, decode.ErrTruncated)
			if !strings.Contains(res.Signature.Reason, "looks truncated") {
				t.Errorf("%s: reason %q does not say the token looks truncated", c.name, res.Signature.Reason)
			}
		}
	}
}

// TestTruncatedECDSA: an ES256 signature cut to whole base64url quads
// (48 of 64 bytes) is still base64url, and not the DER form a crypto
// library emits; it was cut, so it is unverified, key or none. DER stays
// invalid (the ecdsa-der attack).
func TestTruncatedECDSA(t *testing.T) {
	tok := signCompact(t, jwt.SigningMethodES256, testP256Key(), `{"alg":"ES256"}`, claimsJSON)
	cut := tok[:strings.LastIndexByte(tok, '.')+1+64]
	key := mustKeyFile(t, pemOf("PUBLIC KEY", testseeds.PublicKeyDER(t, &testP256Key().PublicKey)), "p256.pem")
	for _, keys := range []*KeySet{nil, key} {
		res := Verify(mustParse(t, cut), Options{Keys: keys})
		wantUnverified(t, "ES256 signature of 48 bytes", res, decode.ErrTruncated)
	}
}
