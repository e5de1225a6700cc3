package decode

import (
	"errors"
	"fmt"
	"strings"
)

// A token cut short — a paste that lost its end, a terminal that clipped
// a line — fails in ways that read like corruption: two segments, the
// base64 bits of the cut segment, JSON that ends early. One problem that
// says what happened, with the length, serves better than all of them.

// gitHubTokenLength is how long a whole GitHub Actions token is: the
// real one in testdata/github is 2,211 characters, the fixtures that copy
// GitHub's claims 1,754 to 1,910 (the claims' values vary in length).
const gitHubTokenLength = "1,700–2,400"

// Truncation is the problem of a compact token of n characters that was
// cut short.
func Truncation(n int) *Error {
	return errAt("input", -1, ErrTruncated, fmt.Sprintf("%d characters; a GitHub token is about %s", n, gitHubTokenLength))
}

// Truncated returns the problem saying the token was cut short, or nil.
func (t *Token) Truncated() *Error {
	for _, e := range t.Errors {
		if errors.Is(e, ErrTruncated) {
			return e
		}
	}
	return nil
}

// markTruncated recognises a compact token cut short: a JOSE header and
// then one segment, or a JWS whose signature ends where base64url cannot
// (a length or unused bits no encoder makes). The problems the cut
// explains — the segment count and those of the cut segment — give way
// to the one that names it.
func (t *Token) markTruncated(text string, parts []string) {
	cut := ""
	switch {
	case len(parts) == 2 && strings.HasPrefix(parts[0], "eyJ"):
		cut = "payload"
	case len(parts) == 3 && t.Kind == KindJWS && t.Header.Kind == Object:
		if e := t.Segments[2].Err; e != nil && (errors.Is(e, ErrBase64Length) || errors.Is(e, ErrBase64TrailingBits)) {
			cut = "signature"
		}
	}
	if cut == "" {
		return
	}
	kept := []*Error{Truncation(len(text))}
	for _, e := range t.Errors {
		if e.Segment != cut && !errors.Is(e, ErrSegmentCount) {
			kept = append(kept, e)
		}
	}
	t.Errors = kept
}
