package celclaims

import (
	"fmt"
	"math"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
)

// Check estimates, before anything is evaluated, what a checked
// expression costs with every claim empty: the cost of its own literals.
// Over CostLimit, no token can make it cheaper to run, so it is refused
// now, with an error wrapping ErrEstimate. An expression whose cost
// depends on sizes the estimate cannot bound is left to the runtime
// bounds. A Runtime made WithoutEstimate refuses nothing.
func (r *Runtime) Check(a *cel.Ast) error {
	if r.noEstimate {
		return nil
	}
	est, err := r.env.EstimateCost(a, emptyInputs{})
	if err != nil {
		return nil // no estimate: the runtime bounds still hold
	}
	if est.Max > CostLimit && est.Max != math.MaxUint64 {
		return fmt.Errorf("%w: with every claim empty, its literals alone cost up to %d, over oidcscope's limit of %d per evaluation, so it is not evaluated (the provider stops such an expression at run time, if at all)", ErrEstimate, est.Max, CostLimit)
	}
	return nil
}

// emptyInputs sizes every value read from a variable (a claim, a mapped
// attribute, a user field) as empty, so that the estimate is what the
// expression costs by itself. Deeply nested paths stay unknown: the
// estimator asks for them one level at a time, and an unknown size only
// makes the estimate unbounded, which Check does not refuse.
type emptyInputs struct{}

func (emptyInputs) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	p := n.Path()
	if len(p) == 0 || len(p) > 12 || containerSteps(p) > 3 {
		return nil
	}
	empty := cost.FixedSizeEstimate(0)
	return &empty
}

func (emptyInputs) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}

// containerSteps counts the steps of a path into list items, map keys or
// map values (@items, @keys, @values).
func containerSteps(p []string) int {
	n := 0
	for _, s := range p {
		if strings.HasPrefix(s, "@") {
			n++
		}
	}
	return n
}
