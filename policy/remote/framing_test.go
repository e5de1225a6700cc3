package remote

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/internal/guard"
	"github.com/oidcscope/oidcscope/policy"
)

// namedProvider parses every document into one policy named by the
// document's text, so a test sets the length of the answer's line.
type namedProvider struct{ stubProvider }

func (namedProvider) Parse(source string, data []byte) ([]policy.Policy, error) {
	return []policy.Policy{stubPolicy(string(data))}, nil
}

// TestLinesOfAnyLength: neither side stops reading a message before its
// newline. A JSON decoder returns at a value's closing brace; over a pipe
// with no buffer of its own (io.Pipe, as the tests serve the providers),
// a newline not yet read holds its writer, which then cannot read the
// next message while the other side writes it: both wait for ever. CI
// once stopped on that after 10 minutes; here every length around the
// readers' 4096-byte buffers is sent both ways, with a deadline.
func TestLinesOfAnyLength(t *testing.T) {
	msg, ok := guard.Within(30*time.Second, func() string {
		// A fresh connection for each length: a reader's buffers grow
		// with the messages it has read, and the first long message is
		// the one read in two pieces.
		for n := 3900; n < 4200; n++ {
			if msg := firstLongMessage(n); msg != "" {
				return msg
			}
		}
		return ""
	})
	if !ok {
		t.Fatal("the two sides wait on each other: a message was read short of its newline")
	}
	if msg != "" {
		t.Fatal(msg)
	}
}

// firstLongMessage sends a document of n bytes (a request of about n
// bytes, then an answer of about n bytes) and a call after it.
func firstLongMessage(n int) string {
	_, conn, p, err := overPipes(namedProvider{})
	if err != nil {
		return err.Error()
	}
	defer conn.Close()
	text := strings.Repeat("x", n)
	pols, err := p.Parse("doc", []byte(text))
	if err != nil || len(pols) != 1 || pols[0].Name() != text {
		return fmt.Sprintf("length %d: a wrong answer (%v)", n, err)
	}
	if !p.Detect([]byte(text)) {
		return fmt.Sprintf("length %d: a wrong answer to Detect", n)
	}
	return ""
}
