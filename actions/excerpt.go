package actions

import (
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// bodyExcerpt is how many characters of a response body an error keeps.
const bodyExcerpt = 200

// credentialLike matches what must not reach a message even from an error
// body: a compact JWS or JWE (its header starts "eyJ", base64url of `{"`)
// and any long run of base64url characters, which may be an opaque secret.
var credentialLike = lazyre.New(`eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){1,4}|[A-Za-z0-9_-]{64,}`)

// excerpt is a response body as an error message may quote it: the
// request token and anything credential-like replaced first, so a body
// that echoes a credential never shows part of it, then cut short. It
// stays raw otherwise; the view that shows the message escapes it.
func excerpt(body []byte, requestToken string) string {
	s := string(body)
	if requestToken != "" {
		s = strings.ReplaceAll(s, requestToken, "<request token>")
	}
	s = credentialLike().ReplaceAllString(s, "<redacted>")
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= bodyExcerpt {
		return s
	}
	n := 0
	for i := range s {
		if n == bodyExcerpt {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
