package report_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/report"
)

// input.kind is always one of the documented values: a token's kind,
// "claims" for claims alone, or "" when the input held no token (header
// and payload null).
func TestJSONInputKindIsDocumented(t *testing.T) {
	kinds := []string{"jws", "jwe", "unsecured", "json", "segment", "claims"}
	for name, r := range reports(t) {
		var buf bytes.Buffer
		if err := report.JSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Input struct {
				Kind string `json:"kind"`
			} `json:"input"`
			Header json.RawMessage `json:"header"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch {
		case r.Token == nil:
			if doc.Input.Kind != "" || string(doc.Header) != "null" {
				t.Errorf("%s: no token, input.kind %q header %s; want \"\" and null", name, doc.Input.Kind, doc.Header)
			}
		case !slices.Contains(kinds, doc.Input.Kind):
			t.Errorf("%s: input.kind %q is not documented", name, doc.Input.Kind)
		}
	}
}
