package aws

import (
	"errors"
	"os"
	"testing"
)

// startJudge starts the simulator for one test and stops it when the test
// ends. Without Node or node_modules the test skips, unless
// OIDCSCOPE_REQUIRE_NODE=1 (CI) makes that a failure.
func startJudge(t *testing.T) Judge {
	t.Helper()
	sim, err := StartSimulator(".")
	if err != nil {
		if (errors.Is(err, ErrNoNode) || errors.Is(err, ErrNoModules)) && os.Getenv("OIDCSCOPE_REQUIRE_NODE") != "1" {
			t.Skipf("skipping the AWS differential test: %v (set OIDCSCOPE_REQUIRE_NODE=1 to make this a failure)", err)
		}
		t.Fatalf("the AWS simulator cannot start: %v", err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("closing the simulator: %v", err)
		}
	})
	return Judge{Sim: sim}
}
