package verify

import (
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
)

// How text from outside (a server's body, a certificate, a URL from a
// redirect or a discovery document, a token's iss) enters an error message:
// cut short, so a 1 MiB body or URL does not become a 1 MiB error. It stays
// raw: every view (text, JSON, the terminal UI) escapes what it shows, once,
// so escaping here too would show \\x1b where the reader expects \x1b.

const (
	bodyExcerpt  = 200 // characters of a server's error body kept in a message
	urlExcerpt   = 200 // characters of a URL kept in a message
	errorExcerpt = 300 // characters of a TLS or network error kept in a message
	quoteExcerpt = 120 // characters of a quoted value (an issuer, a jwks_uri)
)

// excerpt is s cut so that, once escaped for display, it takes at most max
// bytes, with "…" when something was cut. It cuts between characters, so
// the view's escaping never sees half an escape.
func excerpt(s string, max int) string {
	if len(escape.Text(s)) <= max {
		return s
	}
	shown := 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		shown += len(escape.Text(s[i : i+size]))
		if shown > max {
			return s[:i] + "…"
		}
		i += size
	}
	return s
}

// quoted is s cut to quoteExcerpt characters between double quotes, raw
// like the rest of the message (escape.Quoted).
func quoted(s string) string {
	if utf8.RuneCountInString(s) <= quoteExcerpt {
		return escape.Quoted(s)
	}
	cut := 0
	for n := 0; n < quoteExcerpt; n++ {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	return escape.Quoted(s[:cut]) + "…"
}

// foreignError shows an error that may quote a server (a TLS certificate's
// names in an x509 error, a proxy's reply) escaped and cut short, while
// errors.Is and errors.As still reach the cause.
type foreignError struct{ err error }

func (e foreignError) Error() string { return excerpt(e.err.Error(), errorExcerpt) }
func (e foreignError) Unwrap() error { return e.err }
