package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// tuiParse parses args as `oidcscope tui` would and builds what the
// inspector starts with.
func tuiParse(t *testing.T, args ...string) (*inspectOptions, tuiStart) {
	t.Helper()
	var o inspectOptions
	fs := pflag.NewFlagSet("tui", pflag.ContinueOnError)
	o.register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	opts, err := o.pipeline(fs.Args(), streams{in: strings.NewReader(""), getenv: getenv}, true)
	if err != nil {
		t.Fatal(err)
	}
	start, err := tuiStartOf(&o, opts, getenv)
	if err != nil {
		t.Fatal(err)
	}
	return &o, start
}

// TestTUIStartLeavesTheSamplesOut: the inspector starts without the
// demo's sample policies, whose parsing was a third of the time to its
// first frame; withDemoSamples, which it runs in the background, adds
// them after the command line's --policy.
func TestTUIStartLeavesTheSamplesOut(t *testing.T) {
	samples := demoPolicies().Len()
	if samples == 0 {
		t.Fatal("the demo has no sample policies")
	}
	userPolicy := filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-deny-pull-requests.json")
	token := "@" + filepath.Join("..", "..", "fixtures", "testdata", "static", "push-main.jwt")
	for _, tc := range []struct {
		args  []string
		given int // the command line's policies
	}{
		{[]string{token}, 0},
		{[]string{"--policy", userPolicy, token}, 1},
		{[]string{"--demo"}, 0},
		{[]string{"--demo", "--policy", userPolicy}, 1},
	} {
		_, start := tuiParse(t, tc.args...)
		if got := start.pasted.PolicyCount(); got != tc.given {
			t.Errorf("%v: the pasted tokens' session starts with %d policies, want %d", tc.args, got, tc.given)
		}
		demo, err := start.demo()
		if err != nil {
			t.Fatal(err)
		}
		// Without --demo the demo is the samples alone, as before.
		want := 0
		if len(tc.args) > 0 && tc.args[0] == "--demo" {
			want = tc.given
		}
		if got := demo.PolicyCount(); got != want {
			t.Errorf("%v: the demo starts with %d policies, want %d", tc.args, got, want)
		}
		if got := withDemoSamples(demo).PolicyCount(); got != want+samples {
			t.Errorf("%v: with the samples the demo has %d policies, want %d", tc.args, got, want+samples)
		}
	}
}
