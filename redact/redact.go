package redact

import (
	"encoding/base64"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/strwalk"
)

// Notes added to a redacted report, so a reader knows what is missing.
const (
	NoteSignature = "redacted: the signature is replaced by <redacted-signature>; what is shown here is not a usable token"
	NoteIDs       = "redacted: numeric IDs and jti are replaced by placeholders named after their claims, such as <repository_id>, wherever they appear"
)

// Report returns a copy of r with what m asks hidden everywhere: in the
// token's segments and raw text, the claims, the subject, links,
// verification details, policy conditions and diagnoses, notes and errors.
// r itself is not modified. With None it returns r.
func Report(r *inspect.Report, m Mode) *inspect.Report {
	if r == nil || m == None {
		return r
	}
	var exact, words []pair
	if m == IDs {
		words = idWords(r.Claims)
	}
	var newPayload string
	if t := r.Token; t != nil {
		exact = secretSegments(t)
		if p := t.Segment("payload"); p != nil && len(words) > 0 {
			// The payload segment encodes the IDs: encode the redacted
			// payload instead, so the segment agrees with the claims shown.
			newPayload = base64.RawURLEncoding.EncodeToString([]byte(newReplacer(nil, words).apply(string(p.Bytes))))
			exact = append(exact, pair{old: p.Text, new: newPayload})
		}
	}
	rp := newReplacer(exact, words)
	out := strwalk.Strings(r, rp.apply)
	if out.Token != nil {
		fixSegments(out.Token, r.Token, newPayload)
	}
	if len(words) > 0 {
		fixDiagnoses(out, r, rp)
	}
	out.Notes = append(out.Notes, NoteSignature)
	if m == IDs {
		out.Notes = append(out.Notes, NoteIDs)
	}
	return out
}

// secret reports whether a segment is what makes the token usable: all but
// the header and the payload (a JWS's signature; a JWE's key, IV,
// ciphertext and tag).
func secret(name string) bool { return name != "header" && name != "payload" }

// minSecret is the shortest segment text replaced wherever it occurs: a
// shorter one is no credential, and replacing it in every string would
// wreck unrelated text.
const minSecret = 8

func secretSegments(t *decode.Token) []pair {
	var out []pair
	for _, s := range t.Segments {
		if secret(s.Name) && len(s.Text) >= minSecret {
			out = append(out, pair{old: s.Text, new: placeholder(s.Name)})
		}
	}
	return out
}

func placeholder(segment string) string { return "<redacted-" + segment + ">" }

// fixSegments sets the segments from the original token: the secret ones
// to their placeholder (and no bytes), the header as it was, the payload
// to its redacted encoding; and, for a compact token, the token text and
// signing input from those. Segment text is base64url, which the word
// rule of the walk could otherwise cut into.
func fixSegments(t, orig *decode.Token, newPayload string) {
	texts := make([]string, len(t.Segments))
	for i := range t.Segments {
		s := &t.Segments[i]
		switch {
		case secret(s.Name):
			if s.Text != "" {
				s.Text = placeholder(s.Name)
			}
			s.Bytes = nil
		case s.Name == "payload" && newPayload != "":
			s.Text = newPayload
		default:
			s.Text = orig.Segments[i].Text
		}
		texts[i] = s.Text
	}
	t.Signature = nil
	if t.Serialization != "compact" || len(texts) < 2 {
		return
	}
	t.Input.Text = strings.Join(texts, ".")
	t.SigningInput = texts[0] + "." + texts[1]
}
