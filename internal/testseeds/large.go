package testseeds

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// LargeToken returns a token of nearly maxText bytes signed with the demo
// key, and its payload JSON: the push-main claims followed by many extra
// claims of every JSON type (strings, numbers, arrays, nested objects), the
// shape a bloated custom token has, rather than one giant string that
// decoders skim through. The benchmarks of large tokens share it.
func LargeToken(tb testing.TB, maxText int) (token, payload []byte) {
	tb.Helper()
	base, err := fixtures.ClaimSet("push-main")
	if err != nil {
		tb.Fatal(err)
	}
	// Base64 turns 3 payload bytes into 4 characters; leave room for the
	// header and the signature.
	limit := (maxText-1024)/4*3 - len(base)
	var extra bytes.Buffer
	for i := 0; ; i++ {
		var claim string
		switch i % 4 {
		case 0:
			claim = fmt.Sprintf(`,"x_%06d":"value %d of a bloated token, with some words in it"`, i, i)
		case 1:
			claim = fmt.Sprintf(`,"x_%06d":%d`, i, 1_000_000+i)
		case 2:
			claim = fmt.Sprintf(`,"x_%06d":["a",%d,true,null]`, i, i)
		default:
			claim = fmt.Sprintf(`,"x_%06d":{"k":"v","n":%d.5}`, i, i)
		}
		if extra.Len()+len(claim) > limit {
			break
		}
		extra.WriteString(claim)
	}
	base = bytes.TrimSpace(base)
	payload = append(append(base[:len(base)-1:len(base)-1], extra.Bytes()...), '}')
	tok, err := fixtures.SignPayload(payload, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if len(tok) > maxText {
		tb.Fatalf("large token is %d bytes, over %d", len(tok), maxText)
	}
	return []byte(tok), payload
}
