package decode

import (
	"errors"
	"testing"
)

// Found by the attack table (inspect/attacks_test.go): a byte-order mark
// before a segment's JSON was reported as `invalid character 'ï' looking for
// beginning of value` and nothing after it was shown. It is now named, at
// byte 0, and the JSON after it is still read with true offsets.
func TestRegressionByteOrderMark(t *testing.T) {
	v, errs := ParseJSON("payload", []byte("\uFEFF"+`{"sub":"x","sub":"y"}`))
	if len(errs) != 2 {
		t.Fatalf("errors %v, want the BOM and the duplicate", errs)
	}
	if !errors.Is(errs[0], ErrByteOrderMark) || errs[0].Offset != 0 || errs[0].Segment != "payload" {
		t.Errorf("first error %v, want ErrByteOrderMark at payload byte 0", errs[0])
	}
	// 3 bytes of BOM + `{"sub":"x",` = 14: the offset is in the segment
	// as decoded, BOM included.
	if !errors.Is(errs[1], ErrDuplicateKey) || errs[1].Offset != 14 {
		t.Errorf("second error %v, want the duplicate at byte 14", errs[1])
	}
	if v.Kind != Object || len(v.Members) != 2 {
		t.Errorf("value %+v, want the object after the BOM", v)
	}

	// In the header it is structural: the token is never verified.
	tok, err := Parse(b64("\uFEFF"+`{"alg":"RS256"}`) + "." + b64(`{"sub":"x"}`) + ".c2ln")
	if err != nil {
		t.Fatal(err)
	}
	if e := tok.StructuralError(); !errors.Is(e, ErrByteOrderMark) {
		t.Errorf("StructuralError = %v, want ErrByteOrderMark", e)
	}
	if tok.Alg() != "RS256" {
		t.Errorf("Alg = %q, want the header after the BOM read", tok.Alg())
	}
}
