package tokendiff

import (
	"errors"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestReportClaims: an oidcscope JSON report given where a token is
// expected holds claims diff can compare only when it is one simulated
// job's; any other report is refused with why, and anything that is not
// a report is left to inspect.
func TestReportClaims(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		isReport bool
		claims   string
		label    inspect.Unsigned
		err      error
	}{
		{"a token", "eyJhbGciOiJub25lIn0.e30.", false, "", "", nil},
		{"JWS JSON", `{"header":{"alg":"RS256"},"payload":"e30","signature":"c2ln"}`, false, "", "", nil},
		{"another schema", `{"schema":"other/v1","simulated":true,"payload":{"sub":"x"}}`, false, "", "", nil},
		{"not JSON", `{"schema":"oidcscope/v1",`, false, "", "", nil},
		{"simulated", " \n{\"schema\":\"oidcscope/v1\",\"simulated\":true,\"unsigned\":\"simulated\",\"payload\":{\"sub\":\"x\",\"aud\":[\"a\"]}}\n",
			true, `{"sub":"x","aud":["a"]}`, inspect.Simulated, nil},
		{"edited", `{"schema":"oidcscope/v1","simulated":true,"unsigned":"edited","payload":{"sub":"x"}}`,
			true, `{"sub":"x"}`, inspect.Edited, nil},
		{"simulated, no claims", `{"schema":"oidcscope/v1","simulated":true,"payload":null}`, true, "", "", ErrReportNoClaims},
		{"several triggers", `{"schema":"oidcscope/v1","simulated":true,"reports":[{"trigger":"push"},{"trigger":"pull_request"}]}`,
			true, "", "", ErrReportTriggers},
		{"a pasted token's report", `{"schema":"oidcscope/v1","input":{"kind":"jws"},"payload":{"sub":"x"}}`, true, "", "", ErrReportPasted},
		{"a pasted no-token's report", `{"schema":"oidcscope/v1","input":{"kind":""},"payload":null}`, true, "", "", ErrReportPasted},
		{"a diff", `{"schema":"oidcscope/v1","a":{},"b":{},"diff":{}}`, true, "", "", ErrReportNoToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, label, isReport, err := ReportClaims([]byte(tt.in))
			if isReport != tt.isReport || string(claims) != tt.claims || label != tt.label || !errors.Is(err, tt.err) {
				t.Errorf("got %q %q %v %v, want %q %q %v %v", claims, label, isReport, err, tt.claims, tt.label, tt.isReport, tt.err)
			}
		})
	}
}
