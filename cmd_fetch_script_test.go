package main

import (
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/internal/cli/clitest"
)

// cmdActionsJob starts a stand-in for the runner's token endpoint
// (clitest.Runner, on loopback http) for the rest of the script, handing
// out tokens of claim set CLAIMSET, and sets GITHUB_ACTIONS,
// ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN as the
// runner does for a job with permissions: id-token: write.
func cmdActionsJob(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: actions-job CLAIMSET")
	}
	r := clitest.NewRunner(args[0], false)
	ts.Defer(r.Server.Close)
	ts.Setenv(actions.EnvActions, "true")
	ts.Setenv(actions.EnvRequestURL, r.RequestURL())
	ts.Setenv(actions.EnvRequestToken, clitest.RequestToken)
}
