package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// tuiSessionsFor parses args as `oidcscope tui` would and builds its
// sessions as they are once the demo's sample policies are in.
func tuiSessionsFor(t *testing.T, args ...string) tuiSessionPair {
	t.Helper()
	o, start := tuiParse(t, args...)
	demo, err := start.demo()
	if err != nil {
		t.Fatal(err)
	}
	demo = withDemoSamples(demo)
	pasted := start.pasted
	if o.demo.on() {
		// What the inspector does with a token pasted after the demo.
		pasted = pasted.WithPolicies(demo.Policies())
	}
	return tuiSessionPair{pasted: pasted, demo: demo}
}

// tuiSessionPair are the inspector's two sessions: the one for the tokens
// the user pastes or opens, and the demo's.
type tuiSessionPair struct {
	pasted, demo inspect.Session
}

func checkStatus(r *inspect.Report, name string) verify.CheckStatus {
	i := slices.IndexFunc(r.Verify.Checks, func(c verify.Check) bool { return c.Name == name })
	if i < 0 {
		return ""
	}
	return r.Verify.Checks[i].Status
}

// TestTUIDemoSessions: after --demo, a pasted token is checked as the
// flags say (no demo keys, issuer, audience or note), against the demo's
// sample policies and the user's --policy, which the demo keeps beside
// its own (issue 16 item 1; issue 15). The sessions are built here as the
// inspector builds them once the samples are in; that the inspector does
// so (samples in the background, the demo's policies for a token pasted
// after it) is ui's to test (ui/afterdemo_test.go, ui/samples_test.go).
func TestTUIDemoSessions(t *testing.T) {
	beacon, err := os.ReadFile(filepath.Join("..", "..", "testdata", "github", "sigstore-beacon.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	samples := tuiSessionsFor(t, "--demo").demo.PolicyCount()
	if samples == 0 {
		t.Fatal("the demo has no sample policies")
	}
	userPolicy := filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-deny-pull-requests.json")
	pair := tuiSessionsFor(t, "--demo", "--policy", userPolicy)
	for name, s := range map[string]inspect.Session{"demo": pair.demo, "pasted": pair.pasted} {
		if got := s.PolicyCount(); got != samples+1 {
			t.Errorf("%s session: %d policies, want the %d samples and the user's", name, got, samples)
		}
	}

	demo := pair.demo.InspectOffline(context.Background(), beacon)
	if checkStatus(demo, "aud") != verify.Fail || demo.Verify.Signature.KeySource != verify.SourceJWKSFile {
		t.Fatalf("the demo session should check the demo audience with the demo keys: %+v", demo.Verify)
	}
	pasted := pair.pasted.InspectOffline(context.Background(), beacon)
	if got := checkStatus(pasted, "aud"); got != verify.Skip {
		t.Errorf("a token pasted after the demo: aud %s, want skip (no --audience given)", got)
	}
	if got := checkStatus(pasted, "iss"); got != verify.Skip {
		t.Errorf("a token pasted after the demo: iss %s, want skip (no --issuer given)", got)
	}
	if pasted.KeysGiven || pasted.Verify.Signature.KeySource == verify.SourceJWKSFile {
		t.Errorf("a token pasted after the demo was verified with the demo keys: %+v", pasted.Verify.Signature)
	}
	if !pair.pasted.Fetches(pasted) {
		t.Error("a GitHub token pasted after the demo is not discovered as without --demo")
	}
	for _, n := range pasted.Notes {
		if strings.Contains(n, "demo") {
			t.Errorf("a demo note on the pasted token: %s", n)
		}
	}
	if off := tuiSessionsFor(t, "--demo", "--offline"); off.pasted.Fetches(off.pasted.InspectOffline(context.Background(), beacon)) {
		t.Error("--offline: a pasted token must not be fetched for")
	}
}
