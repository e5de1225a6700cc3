package verify

import (
	"fmt"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// keyHeaders are JOSE header parameters through which a token names its own
// verification key. Trusting them lets the signer pick the key that checks
// its signature (RFC 8725 §3.10), so they are shown and never used.
var keyHeaders = []string{"jku", "x5u", "jwk", "x5c"}

func headerWarnings(tok *decode.Token, say setting.Names) []string {
	var out []string
	for _, name := range keyHeaders {
		if _, ok := tok.Header.Get(name); ok {
			from := say.Pick("the key source given or discovery", "%s, %s, %s or discovery", setting.JWKS, setting.Key, setting.SecretFile)
			out = append(out, fmt.Sprintf("the header carries %q: shown, never fetched or used; keys come only from %s", name, from))
		}
	}
	// "zip" compresses a JWE's plaintext (RFC 7516 §4.1.3); JWS has no
	// such parameter, so a verifier that honours it reads another payload.
	if _, ok := tok.Header.Get("zip"); ok && tok.Kind == decode.KindJWS {
		out = append(out, `the header carries "zip", which RFC 7516 defines for JWE only: a JWS payload is never compressed, so it is ignored here, and a verifier that decompressed it would read another payload than the one shown`)
	}
	return out
}

// msConsequence is what a time claim in milliseconds means to a verifier.
var msConsequence = map[string]string{
	"exp": "so in effect the token never expires",
	"nbf": "so the token is not valid for tens of thousands of years",
	"iat": "so the token reads as issued in the far future",
}

// timeWarnings flags time claims that look like milliseconds. They are
// judged as written, in seconds, as RFC 7519 and verifiers read them.
func timeWarnings(claims decode.Value) []string {
	var out []string
	for _, name := range []string{"exp", "nbf", "iat"} {
		v, ok := claims.Get(name)
		if !ok {
			continue
		}
		t, err := decode.NumericDate(v)
		if err != nil {
			continue
		}
		if ms, ok := decode.AsMilliseconds(t); ok {
			out = append(out, fmt.Sprintf("%q looks like milliseconds: year %d when read as seconds, as RFC 7519 says and verifiers do (%s); in milliseconds it would be %s",
				name, t.Year(), msConsequence[name], ms.Format(time.RFC3339Nano)))
		}
	}
	return out
}
