package inspect

import (
	"github.com/oidcscope/oidcscope/decode"
)

// Preview is what a paste looks like before it is inspected: enough for the
// paste screen to say "JWS, 3 segments, 1.2 KB, issuer …" or the problem,
// as the user types. It decodes only: no keys, no network, no policies.
type Preview struct {
	Empty    bool             // nothing but whitespace
	Kind     decode.TokenKind // "" when no token was found
	Segments int
	Bytes    int      // size of the paste
	Issuer   string   // the iss claim, when the payload has a string one
	Alg      string   // the header's alg
	Stripped []string // what extraction removed (bearer-prefix, whitespace, …)
	Notes    []string // extraction and decoding remarks
	Problem  error    // why no token was found, or the first decoding error
}

// PreviewInput decodes input, within lim, just far enough to describe it.
func PreviewInput(input []byte, lim decode.Limits) Preview {
	p := Preview{Bytes: len(input)}
	if len(trimSpace(input)) == 0 {
		p.Empty = true
		return p
	}
	tok, err := decode.DecodeWithin(input, lim)
	if err != nil {
		p.Problem = err
		return p
	}
	p.Kind = tok.Kind
	p.Segments = len(tok.Segments)
	p.Alg = tok.Alg()
	p.Issuer, _ = tok.Payload.Str("iss")
	p.Stripped = tok.Input.Stripped
	p.Notes = append(append(p.Notes, tok.Input.Notes...), tok.Notes...)
	if len(tok.Errors) > 0 {
		p.Problem = tok.Errors[0]
	}
	return p
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
