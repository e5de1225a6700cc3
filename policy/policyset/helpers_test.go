package policyset

import (
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

func decodeObj(t *testing.T) decode.Value {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(`{"sub":"x"}`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return v
}
