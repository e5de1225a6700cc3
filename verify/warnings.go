package verify

import (
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
)

// keyHeaders are JOSE header parameters through which a token names its own
// verification key. Trusting them lets the signer pick the key that checks
// its signature (RFC 8725 §3.10), so they are shown and never used.
var keyHeaders = []string{"jku", "x5u", "jwk", "x5c"}

func headerWarnings(tok *decode.Token) []string {
	var out []string
	for _, name := range keyHeaders {
		if _, ok := tok.Header.Get(name); ok {
			out = append(out, fmt.Sprintf("the header carries %q: shown, never fetched or used; keys come only from --jwks, --key, --secret-file or discovery", name))
		}
	}
	return out
}
