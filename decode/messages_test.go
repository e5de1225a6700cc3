package decode

import (
	"testing"

	"github.com/oidcscope/oidcscope/internal/msgcheck"
)

// TestMessagesNameNoFlags: decode's messages name no command-line flag.
func TestMessagesNameNoFlags(t *testing.T) {
	msgcheck.Check(t, ".", nil)
}
