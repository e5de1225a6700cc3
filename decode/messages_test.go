package decode

import (
	"testing"

	"github.com/oidcscope/oidcscope/internal/msgcheck"
)

// stillFlagged are messages that keep their flag wording until inspect
// passes the command layer's words on to Extract (issue 15); the list only
// shrinks.
var stillFlagged = map[string]bool{
	"extract.go:over the %d-byte limit; raise it with --max-size": true,
}

// TestMessagesNameNoFlags: decode's messages name no command-line flag.
func TestMessagesNameNoFlags(t *testing.T) {
	msgcheck.Check(t, ".", stillFlagged)
}
