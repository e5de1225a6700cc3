package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/actions/actionstest"
	"github.com/oidcscope/oidcscope/internal/cli/clitest"
)

// runnerRequestToken stands in for ACTIONS_ID_TOKEN_REQUEST_TOKEN.
const runnerRequestToken = clitest.RequestToken

// runnerStandIn is clitest.Runner with the helpers these tests use.
type runnerStandIn struct{ *clitest.Runner }

// startRunner starts a TLS stand-in closed when the test ends.
func startRunner(t *testing.T, claimSet string) runnerStandIn {
	t.Helper()
	r := clitest.NewRunner(claimSet, true)
	t.Cleanup(r.Server.Close)
	return runnerStandIn{r}
}

func (r runnerStandIn) seen() ([]actionstest.Request, []string) { return r.Seen() }

// jobEnv is a job's environment with the stand-in as its token endpoint,
// plus extra variables; a value of "" unsets one.
func (r runnerStandIn) jobEnv(extra map[string]string) env {
	vars := map[string]string{
		actions.EnvActions:      "true",
		actions.EnvRequestURL:   r.RequestURL(),
		actions.EnvRequestToken: runnerRequestToken,
	}
	for k, v := range extra {
		vars[k] = v
	}
	return func(k string) string { return vars[k] }
}

// fetchIn runs fetch against the stand-in, which the client trusts.
func (r runnerStandIn) fetchIn(getenv env, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	s := streams{in: strings.NewReader(""), out: &stdout, errOut: &stderr, getenv: getenv}
	code := run(append([]string{"fetch"}, args...), s, actions.Client{HTTP: r.Server.Client(), Backoff: time.Millisecond})
	return code, stdout.String(), stderr.String()
}
