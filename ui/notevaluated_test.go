package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// garbagePaste is text that extracts as a broken JWS: its header and
// payload are not JSON, so there are no claims to evaluate policies on.
const garbagePaste = `hello this is not a token {"foo": 1} eyJhbGciOi.broken.stuff`

// TestGarbagePasteSaysWhatIsTrue: after a paste that decodes to no
// claims, the Policies pane says the loaded policies are still loaded
// (not evaluated), and the status line leads with the decode problem
// rather than the alg check it causes.
func TestGarbagePasteSaysWhatIsTrue(t *testing.T) {
	s := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	n := s.PolicyCount()
	m, _ := newTestModel(t, s, []byte(garbagePaste), 100, 30)
	if m.report == nil || m.report.Token == nil {
		t.Fatal("the paste gave no token: the case needs a broken one")
	}
	top := strings.SplitN(m.View(), "\n", 2)[0]
	if !strings.Contains(top, "looks truncated") {
		t.Errorf("status line %q does not lead with the decode problem (looks truncated)", top)
	}
	if i, j := strings.Index(top, "looks truncated"), strings.Index(top, "fail alg"); j >= 0 && i > j {
		t.Errorf("status line %q names the alg check before the decode problem", top)
	}
	m = keys(t, m, "4")
	v := m.View()
	if strings.Contains(v, "no policy loaded") {
		t.Errorf("the Policies pane says no policy is loaded while %d are:\n%s", n, v)
	}
	contains(t, v, fmt.Sprintf("%d policies loaded, not evaluated", n))
	contains(t, v, fmt.Sprintf("4 Policies (%d)", n))
}
