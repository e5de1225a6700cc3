package decode

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// TestTruncatedTokens (issue 16, item 10): a token cut short says so, with
// its length, instead of the segment count and the base64 bits of the cut
// segment; the problems of the segments before the cut stay.
func TestTruncatedTokens(t *testing.T) {
	tok := testseeds.StaticTokens(t)[0]
	sigAt := strings.LastIndexByte(tok, '.') + 1
	cuts := []int{sigAt - 200, sigAt - 1, strings.IndexByte(tok, '.') + 1}
	for n := sigAt + 1; n < len(tok); n++ {
		// Cuts in the signature that leave it impossible base64url.
		if _, err := DecodeSegment("signature", tok[sigAt:n]); err != nil {
			cuts = append(cuts, n)
		}
	}
	if len(cuts) < 100 {
		t.Fatalf("only %d cuts in the signature fail to decode", len(cuts)-3)
	}
	for _, n := range cuts {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			got, err := Parse(tok[:n])
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			want := fmt.Sprintf("input: looks truncated (%d characters; a GitHub token is about 1,700–2,400)", n)
			if len(got.Errors) != 1 || got.Errors[0].Error() != want || !errors.Is(got.Errors[0], ErrTruncated) {
				t.Fatalf("errors = %v, want only %q", got.Errors, want)
			}
			if got.Truncated() == nil {
				t.Errorf("Truncated() = nil")
			}
		})
	}
}

// TestNotTruncated: whole tokens, a complete signature that is merely
// wrong, and a JWS whose signature was stripped are not called truncated.
func TestNotTruncated(t *testing.T) {
	tok := testseeds.StaticTokens(t)[0]
	sigAt := strings.LastIndexByte(tok, '.') + 1
	for name, text := range map[string]string{
		"whole":              tok,
		"signature stripped": tok[:sigAt],
		"four segments":      tok + ".x",
		"bad alphabet":       tok[:sigAt] + "*" + tok[sigAt+1:],
	} {
		got, err := Parse(text)
		if err != nil {
			t.Fatalf("%s: Parse: %v", name, err)
		}
		if e := got.Truncated(); e != nil {
			t.Errorf("%s: Truncated() = %v", name, e)
		}
	}
}

// TestTruncatedPaste: a truncated token pasted wrapped over lines is still
// reported as truncated, not as lines that did not join.
func TestTruncatedPaste(t *testing.T) {
	tok := testseeds.StaticTokens(t)[0][:700]
	got, err := Decode([]byte("OIDC token:\n"+strings.Join(foldLines(tok, 80), "\n")+"\n"), 0)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got.Truncated() == nil || !strings.Contains(got.Truncated().Error(), "(700 characters;") {
		t.Errorf("errors = %v, want a truncated token of 700 characters", got.Errors)
	}
}
