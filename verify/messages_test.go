package verify

import (
	"testing"

	"github.com/oidcscope/oidcscope/internal/msgcheck"
)

// stillFlagged are messages that reach the user through inspect's Report
// (check details, the signature's reason, header warnings): they keep their
// flag wording until inspect passes the command layer's Names on to Verify.
// The list only shrinks.
var stillFlagged = map[string]bool{
	"checks.go: is a supported asymmetric or HMAC algorithm (restrict with --algs)":                                                  true,
	"checks.go:no expected issuer given (--issuer)":                                                                                  true,
	"checks.go:no expected audience given (--audience)":                                                                              true,
	"signature.go:no key given: pass --jwks, --key or --secret-file (or --discover for this issuer)":                                 true,
	"warnings.go:the header carries %q: shown, never fetched or used; keys come only from --jwks, --key, --secret-file or discovery": true,
}

// TestMessagesNameNoFlags: verify's messages are neutral; the command layer
// words settings as flags through Names.
func TestMessagesNameNoFlags(t *testing.T) {
	msgcheck.Check(t, ".", stillFlagged)
}
