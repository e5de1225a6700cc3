package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func addSeeds(f *testing.F) {
	for _, s := range []string{
		sampleJWS,
		"Bearer " + sampleJWS,
		`{"count":1,"value":"` + sampleJWS + `"}`,
		`{"payload":"e30","signatures":[{"protected":"e30","signature":""}]}`,
		b64(`{"alg":"none"}`) + "." + b64(`{"a":1}`) + ".",
		b64(`{"alg":"RSA-OAEP"}`) + ".a.b.c.d",
		"eyJ.eyJ.", "....", "\uFEFF", "=", "{", `"`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzDecode: no input crashes or hangs extraction and decoding, and every
// reported error names a segment and wraps a sentinel cause.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		tok, err := Decode(in, 1<<16)
		if err != nil {
			if tok != nil {
				t.Fatalf("token and error both returned")
			}
			return
		}
		for _, e := range tok.Errors {
			if e.Segment == "" || e.Cause == nil {
				t.Fatalf("error without segment or cause: %#v", e)
			}
		}
	})
}

// FuzzParseJSON: the fast parser of valid documents agrees with the
// streaming one, and for valid JSON without duplicate keys the ordered
// value re-encodes to a document equal to the input.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":1,"b":[true,null,"x"],"c":{"d":1.5e3}}`, `[]`, `{"a":"\u001b"}`, `{"a":1,"a":2}`, `{"":{}}`} {
		f.Add([]byte(s))
	}
	addJSONSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		sameAsStream(t, in)
		v, errs := ParseJSON("payload", in)
		if len(errs) > 0 || !json.Valid(in) {
			return
		}
		out, err := v.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		var want, got any
		d1 := json.NewDecoder(bytes.NewReader(in))
		d1.UseNumber()
		d2 := json.NewDecoder(bytes.NewReader(out))
		d2.UseNumber()
		if d1.Decode(&want) != nil || d2.Decode(&got) != nil {
			t.Fatalf("re-encoded JSON does not parse: %s", out)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("round trip changed the value:\n in: %s\nout: %s", in, out)
		}
	})
}

// sameAsStream fails t when parseValid, given a document json.Valid
// accepts, returns another value or other duplicate-key errors than the
// streaming parser.
func sameAsStream(t *testing.T, in []byte) {
	t.Helper()
	if !json.Valid(in) {
		return
	}
	fast, dups, ok := parseValid("payload", in)
	slow, errs := parseStream("payload", in, nil)
	if !ok {
		if len(errs) == 0 {
			t.Fatalf("the fast parser gave up on %q, which the streaming parser reads", in)
		}
		return
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("parsers disagree on %q:\nfast %#v\nslow %#v", in, fast, slow)
	}
	if len(dups) != len(errs) {
		t.Fatalf("parsers disagree on %q: fast %v, slow %v", in, dups, errs)
	}
	for i := range dups {
		if dups[i].Error() != errs[i].Error() || !errors.Is(dups[i], ErrDuplicateKey) {
			t.Fatalf("parsers disagree on %q: fast %v, slow %v", in, dups[i], errs[i])
		}
	}
}
