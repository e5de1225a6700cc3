package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
)

// RFC 7515 Appendix A, RFC 7519 §3.1/§6.1 and RFC 8037 Appendix A vectors
// (testdata/rfc/vectors.json) and the RFC 7520 §4 JWS cookbook examples.

type rfcVector struct {
	ID        string          `json:"id"`
	Spec      string          `json:"spec"`
	Alg       string          `json:"alg"`
	Compact   string          `json:"compact"`
	JWKPublic json.RawMessage `json:"jwk_public"`
	Payload   string          `json:"payload_exact"`
	Expected  struct {
		SignatureValid *bool  `json:"signature_valid"`
		Exp            *int64 `json:"exp"`
	} `json:"expected"`
}

func loadRFCVectors(t *testing.T) []rfcVector {
	t.Helper()
	var doc struct {
		Vectors []rfcVector `json:"vectors"`
	}
	if err := json.Unmarshal(readTestdata(t, "rfc/vectors.json"), &doc); err != nil {
		t.Fatalf("rfc/vectors.json: %v", err)
	}
	if len(doc.Vectors) != 7 {
		t.Fatalf("rfc/vectors.json has %d vectors, want 7 (A.1-A.5, RFC 8037 A.4, A.5)", len(doc.Vectors))
	}
	return doc.Vectors
}

// insideA1 is an instant before the 2011-03-22T18:43:00Z exp of the RFC 7515
// A.1-A.3 payload.
var insideA1 = time.Date(2011, 3, 22, 18, 0, 0, 0, time.UTC)

// keyMaterial is a JWK reduced to the members that define the key, so two
// JWKs can be compared regardless of kid/alg.
func keyMaterial(t *testing.T, raw []byte) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, k := range []string{"kty", "crv", "n", "e", "x", "y", "k"} {
		if v, ok := m[k].(string); ok {
			b.WriteString(k + "=" + v + ";")
		}
	}
	return b.String()
}

func TestRFCVectorsVerify(t *testing.T) {
	vectors := loadRFCVectors(t)

	// public_jwks.json holds the public half of every asymmetric vector key,
	// kid = vector id. Tokens have no kid, so every key of the set is tried.
	setRaw := readTestdata(t, "rfc/public_jwks.json")
	set := mustJWKS(t, setRaw, SourceJWKSFile, "public_jwks.json")
	var setDoc struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(setRaw, &setDoc); err != nil {
		t.Fatal(err)
	}
	materialByKID := map[string]string{}
	for _, k := range setDoc.Keys {
		var h struct {
			KID string `json:"kid"`
		}
		json.Unmarshal(k, &h)
		materialByKID[h.KID] = keyMaterial(t, k)
	}

	n := 0
	for _, v := range vectors {
		if v.Alg == "none" {
			continue // TestRFCVectorAlgNone
		}
		n++
		t.Run(v.ID, func(t *testing.T) {
			if v.Expected.SignatureValid == nil || !*v.Expected.SignatureValid {
				t.Fatalf("%s: vector file does not expect a valid signature; test table out of date", v.ID)
			}
			tok := mustParse(t, v.Compact)
			if tok.Alg() != v.Alg {
				t.Fatalf("decoded alg %q, vector says %q", tok.Alg(), v.Alg)
			}
			if e := tok.StructuralError(); e != nil {
				t.Fatalf("StructuralError = %v; RFC vectors are well-formed", e)
			}
			// A.4 and RFC 8037 sign text, not a JSON claims set: any
			// decoding error must be about the payload only.
			for _, e := range tok.Errors {
				if e.Segment != "payload" {
					t.Errorf("decode error outside the payload: %v", e)
				}
			}

			// 1. The vector's own public JWK, loaded as a single JWK.
			ks := mustJWKS(t, v.JWKPublic, SourceJWK, v.ID+".jwk")
			res := Verify(tok, Options{Keys: ks, At: insideA1})
			wantValid(t, v.ID+" with its jwk_public", res)
			if res.Signature.KeySource != SourceJWK {
				t.Errorf("KeySource = %q, want %q", res.Signature.KeySource, SourceJWK)
			}
			if c := check(t, res, "alg"); c.Status != Pass {
				t.Errorf("alg check = %s (%q), want pass: %s is supported", c.Status, c.Detail, v.Alg)
			}

			// 2. The public JWK Set (no HMAC key there: A.1 is oct).
			if v.Alg != "HS256" {
				res := Verify(tok, Options{Keys: set, At: insideA1})
				wantValid(t, v.ID+" against public_jwks.json", res)
				got := res.Signature.KeyID
				if materialByKID[got] != keyMaterial(t, v.JWKPublic) {
					t.Errorf("verified with kid %q, whose key is not the vector's key (want kid %q or one with the same material)", got, v.ID)
				}
			}

			// 3. Time checks: the 2011 exp fails now, passes inside.
			if v.Expected.Exp != nil {
				now := Verify(tok, Options{Keys: ks, At: time.Now()})
				exp := check(t, now, "exp")
				if exp.Status != Fail || !strings.Contains(exp.Detail, "expired") {
					t.Errorf("exp at time.Now = %s %q, want fail saying expired (exp %d is in 2011)", exp.Status, exp.Detail, *v.Expected.Exp)
				}
				if now.Signature.Status != StatusValid {
					t.Errorf("an expired token's signature is still valid; got %s", now.Signature.Status)
				}
				if !now.Failed() {
					t.Errorf("Failed() = false for an expired token")
				}
				in := check(t, res, "exp")
				if in.Status != Pass {
					t.Errorf("exp at %s = %s %q, want pass", insideA1, in.Status, in.Detail)
				}
				if res.Failed() {
					t.Errorf("Failed() = true inside the validity window: %+v", res.Checks)
				}
			} else {
				c := check(t, res, "exp")
				if c.Status != Skip {
					t.Errorf("exp check = %s %q, want skip: the payload has no exp", c.Status, c.Detail)
				}
			}

			// 4. One flipped signature byte (first and last) is invalid.
			for _, i := range []int{0, -1} {
				bad := mustParse(t, flipSignatureByte(t, v.Compact, i))
				wantInvalid(t, v.ID+" with a flipped signature byte", Verify(bad, Options{Keys: ks, At: insideA1}), ErrBadSignature)
			}

			// 5. A tampered payload is invalid: change a claim when the
			// payload is JSON, one character when it is text.
			tampered := []byte(v.Payload)
			if tok.Payload.Kind == decode.Object {
				if !bytes.Contains(tampered, []byte(`"iss":"joe"`)) {
					t.Fatalf("payload %q lacks the iss claim to tamper with", v.Payload)
				}
				tampered = bytes.Replace(tampered, []byte(`"iss":"joe"`), []byte(`"iss":"eve"`), 1)
			} else {
				tampered[0] ^= 0x20 // flip case of the first letter
			}
			bad := mustParse(t, replacePayload(t, v.Compact, tampered))
			wantInvalid(t, v.ID+" with a tampered payload", Verify(bad, Options{Keys: ks, At: insideA1}), ErrBadSignature)
		})
	}
	if n != 6 {
		t.Errorf("%d signed vectors tested, want 6 (A.1-A.4, RFC 8037 A.4, A.5)", n)
	}
}

// TestRFCVectorAlgNone: RFC 7515 A.5 is an unsecured JWS. It is never valid,
// whatever key is offered, whatever its casing, even if --algs names it.
func TestRFCVectorAlgNone(t *testing.T) {
	var a5 rfcVector
	var keys []*KeySet
	for _, v := range loadRFCVectors(t) {
		if v.ID == "rfc7515-a.5" {
			a5 = v
		} else {
			keys = append(keys, mustJWKS(t, v.JWKPublic, SourceJWK, v.ID))
		}
	}
	if a5.Alg != "none" {
		t.Fatalf("rfc7515-a.5 has alg %q, want none", a5.Alg)
	}
	keys = append(keys,
		nil, // no key at all
		mustJWKS(t, readTestdata(t, "rfc/public_jwks.json"), SourceJWKSFile, "public_jwks.json"),
		mustKeyFile(t, rsaPublicPEM(t, &testRSAKey().PublicKey), "rsa.pem"),
	)
	secret, err := NewSecret([]byte("any secret at all"), "secret")
	if err != nil {
		t.Fatal(err)
	}
	keys = append(keys, secret)

	parts := strings.Split(a5.Compact, ".")
	type tc struct{ name, compact string }
	cases := []tc{{"A.5 as published", a5.Compact}}
	for _, alg := range []string{"none", "None", "NONE", "nOnE"} {
		h := b64json(`{"alg":"` + alg + `"}`)
		cases = append(cases,
			tc{alg + " empty signature", h + "." + parts[1] + "."},
			// A MAC in the signature slot changes nothing: none is none.
			tc{alg + " with a signature", h + "." + parts[1] + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"},
		)
	}
	for _, c := range cases {
		tok := mustParse(t, c.compact)
		if tok.Kind != decode.KindUnsecured {
			t.Errorf("%s: Kind = %q, want %q", c.name, tok.Kind, decode.KindUnsecured)
		}
		for i, ks := range keys {
			for _, algs := range [][]string{nil, {"none", "RS256"}} {
				res := Verify(tok, Options{Keys: ks, Algs: algs, At: insideA1})
				what := fmt.Sprintf("%s with key #%d (%s)", c.name, i, keyDesc(ks))
				if algs != nil {
					what += ` and Algs naming "none"`
				}
				wantInvalid(t, what, res, ErrAlgNone)
				if a := check(t, res, "alg"); a.Status != Fail {
					t.Errorf("%s: alg check = %s %q, want fail: none is never allowed", what, a.Status, a.Detail)
				}
				if !res.Failed() {
					t.Errorf("%s: Failed() = false for an unsigned token", what)
				}
			}
		}
	}
}

// TestRFC7520Cookbook verifies the compact forms of RFC 7520 §4.1-4.4. The
// payload there is prose, not JSON: the signature must still verify and
// every decode complaint must concern the payload alone.
func TestRFC7520Cookbook(t *testing.T) {
	cases := []struct {
		file, alg, keyKind string
	}{
		{"4_1.rsa_v15_signature.json", "RS256", "an RSA-2048 public key"},
		{"4_2.rsa-pss_signature.json", "PS384", "an RSA-2048 public key"},
		{"4_3.ecdsa_signature.json", "ES512", "an EC P-521 public key"},
		{"4_4.hmac-sha2_integrity_protection.json", "HS256", "an HMAC secret"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var ex struct {
				Input struct {
					Payload string          `json:"payload"`
					Key     json.RawMessage `json:"key"`
					Alg     string          `json:"alg"`
				} `json:"input"`
				Output struct {
					Compact  string          `json:"compact"`
					JSON     json.RawMessage `json:"json"`
					JSONFlat json.RawMessage `json:"json_flat"`
				} `json:"output"`
			}
			if err := json.Unmarshal(readTestdata(t, "rfc7520/jws/"+c.file), &ex); err != nil {
				t.Fatal(err)
			}
			if ex.Input.Alg != c.alg {
				t.Fatalf("example alg %q, table says %q", ex.Input.Alg, c.alg)
			}
			tok := mustParse(t, ex.Output.Compact)
			if string(tok.PayloadBytes) != ex.Input.Payload {
				t.Errorf("payload bytes = %q, want the example's payload", tok.PayloadBytes)
			}
			if e := tok.StructuralError(); e != nil {
				t.Errorf("StructuralError = %v; only the payload is not JSON", e)
			}
			if len(tok.Errors) == 0 {
				t.Errorf("no decode error for a prose payload; a JWT payload must be a JSON object")
			}
			for _, e := range tok.Errors {
				if e.Segment != "payload" {
					t.Errorf("decode error outside the payload: %v", e)
				}
			}

			// input.key is the full (private) JWK: it must be reduced to
			// its public half for RSA/EC, used as-is for oct.
			ks := mustJWKS(t, ex.Input.Key, SourceJWK, c.file)
			res := Verify(tok, Options{Keys: ks, At: time.Now()})
			wantValid(t, c.file, res)
			if !strings.Contains(res.Signature.Reason, c.keyKind) {
				t.Errorf("Reason %q does not name the key kind %q", res.Signature.Reason, c.keyKind)
			}
			if res.Signature.KeyID != tok.Kid() || tok.Kid() == "" {
				t.Errorf("KeyID = %q, want the token's kid %q", res.Signature.KeyID, tok.Kid())
			}
			if res.Failed() {
				t.Errorf("Failed() = true; prose payload has no time claims to fail: %+v", res.Checks)
			}

			bad := mustParse(t, flipSignatureByte(t, ex.Output.Compact, 5))
			wantInvalid(t, c.file+" flipped", Verify(bad, Options{Keys: ks}), ErrBadSignature)

			// The JSON serializations of the same signature are shown but
			// never reported as verified.
			for name, doc := range map[string]json.RawMessage{"json": ex.Output.JSON, "json_flat": ex.Output.JSONFlat} {
				var compacted bytes.Buffer
				if err := json.Compact(&compacted, doc); err != nil {
					t.Fatal(err)
				}
				jt := mustParse(t, compacted.String())
				r := Verify(jt, Options{Keys: ks})
				if r.Signature.Status != StatusUnsupported || !errors.Is(r.Signature.Err, ErrNotSigned) {
					t.Errorf("%s serialization: %s (%v), want unsupported ErrNotSigned", name, r.Signature.Status, r.Signature.Err)
				}
			}
		})
	}
}
