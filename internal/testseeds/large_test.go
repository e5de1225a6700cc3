package testseeds

import (
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

func TestLargeToken(t *testing.T) {
	tok, payload := LargeToken(t, 1<<20)
	if len(tok) > 1<<20 || len(tok) < 1<<20-4096 {
		t.Errorf("token is %d bytes, want just under 1 MiB", len(tok))
	}
	if !json.Valid(payload) {
		t.Error("payload is not JSON")
	}
	v, err := decode.Parse(string(tok))
	if err != nil || len(v.Errors) > 0 {
		t.Fatalf("large token does not decode: %v %v", err, v.Errors)
	}
	if sub, _ := v.Payload.Str("sub"); sub != "repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("sub %q", sub)
	}
}
