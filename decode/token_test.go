package decode

import (
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"
)

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func jws(header, payload string) string { return b64(header) + "." + b64(payload) + "." + b64("sig") }

func keys(v Value) []string {
	var out []string
	for _, m := range v.Members {
		out = append(out, m.Key)
	}
	return out
}

func TestClaimOrderAndNumbersKept(t *testing.T) {
	payload := `{"z":1,"a":12345678901234567890,"m":1.50,"exp":1e3,"nested":{"y":true,"b":null},"arr":[3,"x"]}`
	tok, err := Parse(jws(`{"alg":"RS256","typ":"JWT"}`, payload))
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(tok.Payload); !slices.Equal(got, []string{"z", "a", "m", "exp", "nested", "arr"}) {
		t.Errorf("claim order = %v", got)
	}
	if got := keys(tok.Header); !slices.Equal(got, []string{"alg", "typ"}) {
		t.Errorf("header order = %v", got)
	}
	for key, lit := range map[string]string{"a": "12345678901234567890", "m": "1.50", "exp": "1e3"} {
		if v, _ := tok.Payload.Get(key); v.Kind != Number || v.Text != lit {
			t.Errorf("%s = %v %q, want number %q", key, v.Kind, v.Text, lit)
		}
	}
	out, err := tok.Payload.MarshalJSON()
	if err != nil || string(out) != payload {
		t.Errorf("re-encoded payload = %s, %v; want the input byte for byte", out, err)
	}
	if len(tok.Errors) != 0 {
		t.Errorf("unexpected errors: %v", tok.Errors)
	}
}

func TestDecodeErrors(t *testing.T) {
	okHeader := b64(`{"alg":"RS256"}`)
	okPayload := b64(`{"sub":"x"}`)
	tests := []struct {
		name    string
		token   string
		cause   error
		segment string
		offset  int64
		detail  string // substring of the message
		header  bool   // header still decoded
		payload bool   // payload still decoded
	}{
		{"bad alphabet in header", okHeader[:5] + "*" + okHeader[6:] + "." + okPayload + ".c2ln", ErrBase64Alphabet, "header", 5, "0x2a", true, true},
		{"standard alphabet in signature", okHeader + "." + okPayload + ".ab+c", ErrBase64Alphabet, "signature", 2, "standard base64", true, true},
		{"padding in payload", okHeader + "." + okPayload + "=.c2ln", ErrBase64Padding, "payload", int64(len(okPayload)), "", true, true},
		// In the signature, where a token is cut, these read as truncation
		// (TestTruncatedTokens); elsewhere they are what they are.
		{"impossible length", okHeader + "." + okPayload + "ab.c2ln", ErrBase64Length, "payload", 16, "", true, true},
		{"non-zero trailing bits", okHeader + "." + okPayload[:len(okPayload)-1] + "1.c2ln", ErrBase64TrailingBits, "payload", -2, "", true, true},
		{"header not JSON", b64(`{"alg":RS256}`) + "." + okPayload + ".c2ln", ErrNotJSON, "header", 7, "invalid character 'R'", true, true},
		{"header is an array", b64(`["alg"]`) + "." + okPayload + ".c2ln", ErrNotObject, "header", 0, "array", false, true},
		{"payload not JSON", okHeader + "." + b64(`foo`) + ".c2ln", ErrNotJSON, "payload", 1, "invalid character 'o'", true, false},
		{"payload is a string", okHeader + "." + b64(`"sub"`) + ".c2ln", ErrNotObject, "payload", 0, "string", true, false},
		{"payload truncated", okHeader + "." + b64(`{"sub":"x",`) + ".c2ln", ErrNotJSON, "payload", 11, "end of input", true, true},
		{"trailing data after payload", okHeader + "." + b64(`{"sub":"x"} {}`) + ".c2ln", ErrTrailingData, "payload", 12, "", true, true},
		{"duplicate claim", okHeader + "." + b64(`{"sub":"a","exp":1,"sub":"b"}`) + ".c2ln", ErrDuplicateKey, "payload", 19, `"sub"`, true, true},
		{"duplicate header parameter", b64(`{"alg":"none","alg":"RS256"}`) + "." + okPayload + ".c2ln", ErrDuplicateKey, "header", 14, `"alg"`, true, true},
		{"nesting too deep", okHeader + "." + b64(`{"a":`+strings.Repeat("[", 100000)) + ".c2ln", ErrTooDeep, "payload", 5 + MaxDepth - 1, "32", true, true},
		{"invalid UTF-8", okHeader + "." + b64("{\"sub\":\"a\xffb\"}") + ".c2ln", ErrInvalidUTF8, "payload", 9, "", true, true},
		{"empty header", "." + okPayload + ".c2ln", ErrEmptySegment, "header", 0, "", false, true},
		{"four segments", okHeader + "." + okPayload + ".c2ln.x", ErrSegmentCount, "input", -1, "4 segments", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := Parse(tt.token)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var found *Error
			for _, e := range tok.Errors {
				if errors.Is(e, tt.cause) {
					found = e
					break
				}
			}
			if found == nil {
				t.Fatalf("no %v among %v", tt.cause, tok.Errors)
			}
			if found.Segment != tt.segment {
				t.Errorf("segment = %q, want %q", found.Segment, tt.segment)
			}
			if tt.offset != -2 && found.Offset != tt.offset {
				t.Errorf("offset = %d, want %d (%v)", found.Offset, tt.offset, found)
			}
			if !strings.Contains(found.Error(), tt.segment) || !strings.Contains(found.Error(), tt.detail) {
				t.Errorf("message %q should name %q and %q", found.Error(), tt.segment, tt.detail)
			}
			if got := tok.Header.Kind == Object; got != tt.header {
				t.Errorf("header decoded = %v, want %v", got, tt.header)
			}
			if got := tok.Payload.Kind == Object; got != tt.payload {
				t.Errorf("payload decoded = %v, want %v", got, tt.payload)
			}
		})
	}
}

func TestDuplicateKeysAreAllKept(t *testing.T) {
	tok, _ := Parse(jws(`{"alg":"RS256"}`, `{"sub":"repo:a/b:ref:refs/heads/main","sub":"repo:evil/x:ref:refs/heads/main"}`))
	if n := tok.Payload.Count("sub"); n != 2 {
		t.Fatalf("Count(sub) = %d, want 2", n)
	}
	if !tok.Payload.Members[1].Duplicate || tok.Payload.Members[0].Duplicate {
		t.Errorf("only the second member should be marked duplicate: %+v", tok.Payload.Members)
	}
	if tok.StructuralError() != nil {
		t.Errorf("a duplicate claim is not a structural error: %v", tok.StructuralError())
	}
}

func TestRecogniseKinds(t *testing.T) {
	payload := b64(`{"sub":"x"}`)
	tests := []struct {
		name  string
		token string
		kind  TokenKind
		note  string
	}{
		{"signed JWS", jws(`{"alg":"ES256"}`, `{"sub":"x"}`), KindJWS, ""},
		{"alg none", b64(`{"alg":"none"}`) + "." + payload + ".", KindUnsecured, "unsecured"},
		{"alg NONE", b64(`{"alg":"NONE"}`) + "." + payload + ".", KindUnsecured, "unsecured"},
		{"compact JWE", b64(`{"alg":"RSA-OAEP","enc":"A256GCM"}`) + ".a2V5.aXY.Y2lwaGVy.dGFn", KindJWE, `"A256GCM"`},
		{"lone claims segment", payload, KindSegment, "nothing can be verified"},
		{"lone header segment", b64(`{"alg":"RS256","typ":"JWT"}`), KindSegment, "lone JOSE header"},
		{"flattened JSON", `{"payload":"` + payload + `","protected":"` + b64(`{"alg":"ES256"}`) + `","signature":"c2ln"}`, KindJSON, "flattened"},
		{"general JSON", `{"payload":"` + payload + `","signatures":[{"protected":"` + b64(`{"alg":"ES256"}`) + `","signature":"c2ln"},{"protected":"e30","signature":"c2ln"}]}`, KindJSON, "2 signatures"},
		{"JSON JWE", `{"protected":"` + b64(`{"alg":"dir","enc":"A128GCM"}`) + `","ciphertext":"YWJj","iv":"YWJj","tag":"YWJj"}`, KindJWE, "cannot decrypt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := Parse(tt.token)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if tok.Kind != tt.kind {
				t.Errorf("kind = %q, want %q", tok.Kind, tt.kind)
			}
			if tt.note != "" && !strings.Contains(strings.Join(tok.Notes, "|"), tt.note) {
				t.Errorf("notes %q lack %q", tok.Notes, tt.note)
			}
			if tt.kind == KindJWE && tok.Header.Kind != Object {
				t.Errorf("JWE protected header not shown")
			}
		})
	}
}

func TestLoneSegmentThatIsNotJSON(t *testing.T) {
	for _, in := range []string{"hello", b64("plain text"), "%%%"} {
		if _, err := Parse(in); !errors.Is(err, ErrNoToken) {
			t.Errorf("Parse(%q) err = %v, want ErrNoToken", in, err)
		}
	}
}

func TestDecodeKeepsSegmentsAndSigningInput(t *testing.T) {
	h, p := b64(`{"alg":"HS256"}`), b64(`{"a":1}`)
	tok, err := Decode([]byte("Bearer "+h+"."+p+".c2lnbmF0dXJl"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if tok.SigningInput != h+"."+p || string(tok.Signature) != "signature" || string(tok.PayloadBytes) != `{"a":1}` {
		t.Errorf("signing input %q, signature %q, payload %q", tok.SigningInput, tok.Signature, tok.PayloadBytes)
	}
	if tok.Segment("header").Text != h || tok.Input.Stripped[0] != StripBearer {
		t.Errorf("segments %+v, stripped %v", tok.Segments, tok.Input.Stripped)
	}
}
