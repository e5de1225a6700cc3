package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/actions"
)

// TestOneCommandTreeActsAsTheWhole: run builds only the command its first
// argument names; what that prints and returns must be what the whole
// tree would, for help, flag mistakes and real runs of every command.
func TestOneCommandTreeActsAsTheWhole(t *testing.T) {
	whole := NewRootCommand(nil, nil, nil, func(string) string { return "" })
	var cases [][]string
	for _, c := range whole.Commands() {
		name := c.Name()
		cases = append(cases,
			[]string{name, "--help"}, []string{name, "-h"}, []string{name, "--polcy", "x"},
			[]string{name, "--nonsense"}, []string{name})
	}
	cases = append(cases,
		[]string{"inspect", "--offline", "--jwks", "../../fixtures/demo-jwks.json", "--json", "@../../fixtures/testdata/static/push-main.jwt"},
		// --at: the demo token is signed at that instant, so both runs print the same.
		[]string{"inspect", "--demo", "--offline", "--at", "2026-01-01T00:01:00Z", "--policy", "../../fixtures/policies/aws/trust-deny-pull-requests.json"},
		[]string{"explain", "sub"}, []string{"explain", "AADSTS700213"},
		[]string{"suggest", "--provider", "google", "--demo"},
		[]string{"version"}, []string{"completion", "bash"},
		[]string{"inspekt"}, []string{"help", "inspect"}, []string{"--help"}, []string{"--version"},
	)
	built := 0
	for _, args := range cases {
		getenv := func(string) string { return "" }
		var wo, we, lo, le bytes.Buffer
		wantCode := runTree(newRootCmdFor(streams{in: strings.NewReader(""), out: &wo, errOut: &we, getenv: getenv}, actions.Client{}, ""), args,
			streams{in: strings.NewReader(""), out: &wo, errOut: &we, getenv: getenv})
		gotCode := run(args, streams{in: strings.NewReader(""), out: &lo, errOut: &le, getenv: getenv}, actions.Client{})
		if gotCode != wantCode || lo.String() != wo.String() || le.String() != we.String() {
			t.Errorf("oidcscope %s: exit %d, want %d\nstdout %q\nwant   %q\nstderr %q\nwant   %q",
				strings.Join(args, " "), gotCode, wantCode, lo.String(), wo.String(), le.String(), we.String())
		}
		if one := newRootCmdFor(streams{getenv: getenv}, actions.Client{}, args[0]); len(one.Commands()) < len(whole.Commands()) {
			built++
		}
	}
	if built == 0 {
		t.Error("no case built fewer commands than the whole tree: the test no longer checks the one-command tree")
	}
}
