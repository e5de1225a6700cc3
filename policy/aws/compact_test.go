package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

// TestCompactWritesValuesAsDecoded: a condition's expression shows its
// value as the policy wrote it, order, duplicates and numbers kept,
// without whitespace, and with no HTML escaping; a hostile character
// stays raw for the views to escape.
func TestCompactWritesValuesAsDecoded(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`"repo:o/r:*"`, `"repo:o/r:*"`},
		{`[ 1.50, true , null, "a<b" ]`, `[1.50,true,null,"a<b"]`},
		{"{ \"b\": {}, \"a\": [], \"b\": \"x\\u202e\" }", "{\"b\":{},\"a\":[],\"b\":\"x\u202e\"}"}, // kept raw: views escape it
	}
	for _, tt := range tests {
		v, _ := decode.ParseJSON("doc", []byte(tt.doc))
		if got := compact(v); got != tt.want {
			t.Errorf("compact(%s) = %s, want %s", tt.doc, got, tt.want)
		}
	}
}
