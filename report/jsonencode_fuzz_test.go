package report_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/verify"
)

// FuzzJSONMatchesEncoder: for any paste, the report JSON writes is the
// document encoding/json writes (JSONByEncoder), byte for byte: the
// hand-written writer has to agree on every value a hostile token can
// put in a report, not only on the test reports.
func FuzzJSONMatchesEncoder(f *testing.F) {
	for _, name := range []string{"push-main", "custom-sub", "enterprise"} {
		f.Add(policytest.StaticJWT(f, name))
	}
	f.Add([]byte(`eyJhbGciOiJub25lIn0.eyJzdWIiOiJcdTAwMWJbMzFtIiwiYXVkIjpbMSx0cnVlLG51bGwse31dfQ.`))
	f.Add([]byte("Authorization: Bearer x.y.z"))
	f.Fuzz(func(t *testing.T, input []byte) {
		r := inspect.Run(context.Background(), inspect.Options{Input: input, Source: verify.Source{Offline: true}})
		if got, want := jsonBothWays(t, r); !bytes.Equal(got, want) {
			t.Fatalf("JSON differs from encoding/json's document for %q\n--- got\n%s\n--- want\n%s", input, got, want)
		}
	})
}
