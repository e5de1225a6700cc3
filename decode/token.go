package decode

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Kind of token recognised. The strings are part of the JSON contract
// ("input.kind").
type TokenKind string

const (
	KindJWS       TokenKind = "jws"       // compact JWS, signed
	KindUnsecured TokenKind = "unsecured" // compact JWS with alg "none"
	KindJWE       TokenKind = "jwe"       // compact or JSON JWE: encrypted, header only
	KindJSON      TokenKind = "json"      // JWS JSON serialization (flattened or general)
	KindSegment   TokenKind = "segment"   // a lone base64url JSON segment, not a token
)

// Segment is one dot-separated part of a compact token.
type Segment struct {
	Name  string // header, payload, signature, encrypted_key, iv, ciphertext, tag
	Text  string // as it appears in the token
	Bytes []byte // decoded; best effort when Err is set
	Err   *Error
}

// Token is everything decoding learned about a token. It keeps the raw
// segments next to the decoded JSON so nothing is lost for display.
type Token struct {
	Kind          TokenKind
	Serialization string // "compact", "flattened" or "general"
	Input         Extracted
	Segments      []Segment
	Header        Value  // decoded protected header (Kind Null when it could not be read)
	Payload       Value  // decoded claims (Kind Null when the payload is not JSON)
	PayloadBytes  []byte // raw payload octets
	SigningInput  string // the exact text the signature covers (JWS only)
	Signature     []byte
	Errors        []*Error // every decoding problem, each naming its segment
	Notes         []string // plain remarks about the kind of token
}

// Alg returns the header's "alg" when it is a string.
func (t *Token) Alg() string { s, _ := t.Header.Str("alg"); return s }

// Kid returns the header's "kid" when it is a string.
func (t *Token) Kid() string { s, _ := t.Header.Str("kid"); return s }

// Segment returns the named segment, or nil.
func (t *Token) Segment(name string) *Segment {
	for i := range t.Segments {
		if t.Segments[i].Name == name {
			return &t.Segments[i]
		}
	}
	return nil
}

// StructuralError returns the first problem in what a signature covers or
// frames: a segment that is not strict base64url, an unreadable header, a
// wrong segment count. A token with one is never reported as validly signed.
// Problems inside the payload JSON are not structural: the bytes signed are
// still well defined.
func (t *Token) StructuralError() *Error {
	for _, s := range t.Segments {
		if s.Err != nil {
			return s.Err
		}
	}
	for _, e := range t.Errors {
		if e.Segment == "header" || e.Segment == "input" {
			return e
		}
	}
	return nil
}

var jweSegments = []string{"header", "encrypted_key", "iv", "ciphertext", "tag"}

// Decode extracts and decodes a token from pasted text. The error is non-nil
// only when no token could be found at all; every other problem is listed in
// Token.Errors next to whatever did decode.
func Decode(input []byte, maxSize int) (*Token, error) {
	return DecodeWithin(input, Limits{MaxSize: maxSize})
}

// DecodeWithin is Decode under lim, whose Names words the setting a
// refusal points to.
func DecodeWithin(input []byte, lim Limits) (*Token, error) {
	ex, err := ExtractWithin(input, lim)
	if err != nil {
		return nil, err
	}
	tok, err := Parse(ex.Text)
	if tok != nil {
		tok.Input = ex
	}
	return tok, err
}

// Parse decodes exactly the given token text (compact or JSON serialization),
// without the forgiving extraction that Decode does.
func Parse(text string) (*Token, error) {
	if strings.HasPrefix(text, "{") {
		return parseJSONSerialization(text)
	}
	parts := strings.Split(text, ".")
	t := &Token{Serialization: "compact", Input: Extracted{Text: text}}
	switch len(parts) {
	case 1:
		return parseLoneSegment(t, parts[0])
	case 3:
		t.Kind = KindJWS
		t.addSegment("header", parts[0], true)
		t.addSegment("payload", parts[1], false)
		t.addSegment("signature", parts[2], false)
		t.PayloadBytes = t.Segments[1].Bytes
		t.Signature = t.Segments[2].Bytes
		t.SigningInput = parts[0] + "." + parts[1]
		t.decodePayload()
		if strings.EqualFold(t.Alg(), "none") {
			t.Kind = KindUnsecured
			t.Notes = append(t.Notes, `unsecured JWS: alg "none" means no signature; nothing vouches for these claims`)
		}
	case 5:
		t.Kind = KindJWE
		for i, name := range jweSegments {
			t.addSegment(name, parts[i], i == 0)
		}
		t.Notes = append(t.Notes, jweNote(t.Header))
	default:
		t.Kind = KindJWS
		t.Errors = append(t.Errors, errAt("input", -1, ErrSegmentCount,
			fmt.Sprintf("%d segments; a JWS has 3 and a JWE 5", len(parts))))
		if parts[0] != "" {
			t.addSegment("header", parts[0], true)
		}
		if len(parts) > 1 {
			t.addSegment("payload", parts[1], false)
			t.PayloadBytes = t.Segments[len(t.Segments)-1].Bytes
			t.decodePayload()
		}
	}
	t.markTruncated(text, parts)
	return t, nil
}

// addSegment decodes one segment; the header must be a JSON object.
func (t *Token) addSegment(name, text string, isHeader bool) {
	seg := Segment{Name: name, Text: text}
	if text == "" && (isHeader || name == "signature" && t.Kind == KindJWS) {
		// An empty signature is legal only for alg "none"; the verifier
		// decides, decoding just records it.
		if isHeader {
			seg.Err = errAt(name, 0, ErrEmptySegment, "")
			t.Errors = append(t.Errors, seg.Err)
		}
	} else {
		seg.Bytes, seg.Err = DecodeSegment(name, text)
		if seg.Err != nil {
			t.Errors = append(t.Errors, seg.Err)
		}
	}
	t.Segments = append(t.Segments, seg)
	if isHeader && len(seg.Bytes) > 0 {
		v, errs := ParseJSON(name, seg.Bytes)
		t.Errors = append(t.Errors, errs...)
		if v.Kind == Object {
			t.Header = v
		} else if v.Kind != Null || len(errs) == 0 {
			t.Errors = append(t.Errors, errAt(name, 0, ErrNotObject, "got "+v.Kind.String()))
		}
	}
}

// decodePayload reads the claims. A JWS payload need not be JSON, but a JWT's
// must be a JSON object, so anything else is reported.
func (t *Token) decodePayload() {
	if len(t.PayloadBytes) == 0 {
		t.Errors = append(t.Errors, errAt("payload", -1, ErrNotJSON, "the payload is empty"))
		return
	}
	v, errs := ParseJSON("payload", t.PayloadBytes)
	t.Errors = append(t.Errors, errs...)
	switch {
	case v.Kind == Object:
		t.Payload = v
	case len(errs) == 0:
		t.Errors = append(t.Errors, errAt("payload", 0, ErrNotObject, "got "+v.Kind.String()+"; JWT claims are an object"))
	}
}

func parseLoneSegment(t *Token, text string) (*Token, error) {
	b, derr := DecodeSegment("segment", text)
	if derr != nil || len(b) == 0 {
		return nil, errAt("input", -1, ErrNoToken, expectJWT)
	}
	v, errs := ParseJSON("segment", b)
	if v.Kind != Object {
		return nil, errAt("input", -1, ErrNoToken, "one base64url part that is not a JSON object; "+expectJWT)
	}
	t.Kind = KindSegment
	t.Segments = []Segment{{Name: "segment", Text: text, Bytes: b}}
	t.Errors = append(t.Errors, errs...)
	_, hasAlg := v.Get("alg")
	if hasAlg {
		t.Header = v
		t.Notes = append(t.Notes, "a lone JOSE header: the payload and signature parts are missing")
	} else {
		t.Payload = v
		t.PayloadBytes = b
		t.Notes = append(t.Notes, "a lone base64url JSON part: there is no header or signature, so nothing can be verified")
	}
	return t, nil
}

func jweNote(h Value) string {
	alg, _ := h.Str("alg")
	enc, _ := h.Str("enc")
	return "JWE (alg " + escape.Quoted(alg) + ", enc " + escape.Quoted(enc) + "): the content is encrypted; oidcscope shows the protected header but cannot decrypt it"
}

// parseJSONSerialization recognises RFC 7515 §7.2 / RFC 7516 §7.2 documents.
// It shows the first signature's protected header and the payload; the
// verifier treats the form as unsupported (JWTs use the compact form).
func parseJSONSerialization(text string) (*Token, error) {
	doc, errs := ParseJSON("input", []byte(text))
	t := &Token{Kind: KindJSON, Input: Extracted{Text: text}, Errors: errs}
	if doc.Kind != Object {
		return nil, errAt("input", -1, ErrNoToken, "JSON that is not a JWS or JWE")
	}
	sigHolder := doc
	t.Serialization = "flattened"
	if sigs, ok := doc.Get("signatures"); ok && sigs.Kind == Array {
		t.Serialization = "general"
		if len(sigs.Items) > 0 {
			sigHolder = sigs.Items[0]
		}
		if len(sigs.Items) > 1 {
			t.Notes = append(t.Notes, fmt.Sprintf("%d signatures; showing the first", len(sigs.Items)))
		}
	}
	prot, _ := sigHolder.Str("protected")
	if _, ok := doc.Get("ciphertext"); ok {
		t.Kind = KindJWE
		prot, _ = doc.Str("protected")
		t.addSegment("header", prot, true)
		t.Notes = append(t.Notes, jweNote(t.Header))
		return t, nil
	}
	payload, _ := doc.Str("payload")
	sig, _ := sigHolder.Str("signature")
	t.addSegment("header", prot, true)
	t.addSegment("payload", payload, false)
	t.addSegment("signature", sig, false)
	t.PayloadBytes = t.Segments[1].Bytes
	t.Signature = t.Segments[2].Bytes
	t.SigningInput = prot + "." + payload
	t.decodePayload()
	t.Notes = append(t.Notes, "JWS JSON serialization ("+t.Serialization+"): decoded for reading; only the compact form is verified")
	return t, nil
}
