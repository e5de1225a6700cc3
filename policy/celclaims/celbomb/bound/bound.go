// Package bound holds one CEL expression to the limits oidcscope promises,
// for the Google Cloud and Kubernetes cost-bomb tests and fuzz targets
// (the shared token, seeds and target are here too). It imports celclaims,
// which celbomb (used by celclaims' own tests) must not.
package bound

import (
	"errors"
	"testing"
	"time"

	"cel.dev/cel-go/cel"

	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
)

// Slack is what the garbage collector and a loaded machine may add to a
// policy's time bound.
const Slack = 2 * time.Second

// MaxAlloc bounds what one expression may allocate: generous, since what
// the cost limit lets an expression allocate depends on what it builds.
const MaxAlloc = 256 << 20

// Meter evaluates a checked expression alone and holds it to the bounds:
// within the cost limit unless stopped by it, within the time bound, and
// within MaxAlloc. It reports whether oidcscope's bounds stopped it.
func Meter(tb testing.TB, rt *celclaims.Runtime, a *cel.Ast, vars map[string]any) (stopped bool) {
	tb.Helper()
	prg, err := rt.Program(a)
	if err != nil {
		return false
	}
	var m celclaims.Meter
	cpu, alloc := celbomb.Measure(func() { _, err = m.Eval(prg, vars) })
	m.Close()
	if !errors.Is(err, celclaims.ErrCostLimit) && m.Spent() > celclaims.CostLimit {
		tb.Errorf("cost %d, over the limit, without its error (%v)", m.Spent(), err)
	}
	if cpu > celclaims.PolicyTimeout+Slack || alloc > MaxAlloc {
		tb.Errorf("took %v of CPU and allocated %d MB", cpu, alloc>>20)
	}
	return errors.Is(err, celclaims.ErrCostLimit)
}
