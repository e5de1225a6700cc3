package verify

import (
	"testing"

	"github.com/oidcscope/oidcscope/internal/msgcheck"
)

// TestMessagesNameNoFlags: verify's messages are neutral; the command layer
// words settings as flags through Names.
func TestMessagesNameNoFlags(t *testing.T) {
	msgcheck.Check(t, ".", nil)
}
