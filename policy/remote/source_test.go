package remote_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestSourceNamesAnyBytes: a file name need not be UTF-8 (Linux and macOS
// allow any bytes), and the results name it as given, as in process.
func TestSourceNamesAnyBytes(t *testing.T) {
	toks := tokens(t)
	for _, pr := range pairs(t) {
		for _, file := range map[string]string{"gcp": "../../fixtures/policies/gcp/providers-list.json", "k8s": "../../fixtures/policies/k8s/multi-issuer.yaml"} {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !pr.local.Detect(data) {
				continue
			}
			source := "dir/p\xffol\xc3.json"
			want, werr := pr.local.Parse(source, data)
			got, gerr := pr.remote.Parse(source, data)
			if werr != nil || gerr != nil || len(got) != len(want) || len(got) == 0 {
				t.Fatalf("%s: Parse = %d, %v; in process %d, %v", pr.name, len(got), gerr, len(want), werr)
			}
			for i := range want {
				if got[i].Source() != want[i].Source() || got[i].Name() != want[i].Name() {
					t.Errorf("%s #%d: source %q name %q, in process %q %q", pr.name, i, got[i].Source(), got[i].Name(), want[i].Source(), want[i].Name())
				}
				tok := toks["push-main.jwt"]
				if g, w := policy.SafeEvaluate(got[i], tok), policy.SafeEvaluate(want[i], tok); !reflect.DeepEqual(g, w) {
					t.Errorf("%s #%d:\n got %#v\nwant %#v", pr.name, i, g, w)
				}
			}
			broken := append(append([]byte{}, data[:len(data)/2]...), '\n')
			_, werr = pr.local.Parse(source, broken)
			_, gerr = pr.remote.Parse(source, broken)
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Errorf("%s: a broken document: %v, in process %v", pr.name, gerr, werr)
			}
		}
	}
}
