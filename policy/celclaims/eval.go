package celclaims

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"
)

// Meter evaluates the CEL of one policy evaluation within its bounds:
// each expression within CostLimit (its program's own limit), all of them
// together within PolicyCostLimit and PolicyTimeout, and each result
// within MaxResultSize. Past the policy's bounds,
// every later Eval fails at once. The zero Meter is ready; Close releases
// its timer. A Meter is not safe for concurrent use: each evaluation of
// a policy makes its own.
type Meter struct {
	deadline time.Time // set by the first Eval
	ctx      context.Context
	cancel   context.CancelFunc
	spent    uint64
	err      error // the policy's bound that stopped it

	timeout time.Duration // PolicyTimeout when zero (tests set less)
	budget  uint64        // PolicyCostLimit when zero (tests set less)
}

// Eval runs a program. cel-go reports most runtime failures (a missing
// key, no matching overload) as an error value, not a Go error; both come
// back as the error here, because for every CEL provider a failing
// expression fails its rule, whichever way cel-go reported it. An error
// that wraps ErrCostLimit means oidcscope stopped the evaluation, and
// says nothing about the policy's verdict.
func (m *Meter) Eval(prg cel.Program, vars map[string]any) (ref.Val, error) {
	if m.err != nil {
		return nil, m.err
	}
	if m.deadline.IsZero() {
		m.deadline = time.Now().Add(cmp.Or(m.timeout, PolicyTimeout))
	}
	var out ref.Val
	var det *cel.EvalDetails
	var err error
	if _, loops := prg.(looping); loops {
		if m.ctx == nil {
			m.ctx, m.cancel = context.WithDeadline(context.Background(), m.deadline)
		}
		out, det, err = prg.ContextEval(m.ctx, vars)
		if m.ctx.Err() != nil {
			// A loop may have been cut short, and CEL's logic can absorb
			// the interruption into an ordinary value: it is not the
			// expression's. (An expression without loops runs to its end,
			// however late, and its value stands.)
			m.err = fmt.Errorf("%w: the policy's CEL ran for more than %v", ErrCostLimit, cmp.Or(m.timeout, PolicyTimeout))
			return nil, m.err
		}
	} else {
		out, det, err = prg.Eval(vars)
	}
	if det != nil && det.ActualCost() != nil {
		m.spent = cost.SafeAdd(m.spent, *det.ActualCost())
	}
	switch {
	case err != nil && cancelled(err) != "":
		return nil, &callCostError{fmt.Errorf("%w (%d per expression): %s", ErrCostLimit, CostLimit, cancelled(err)), cancelled(err) == trackerCancelled}
	case m.spent > cmp.Or(m.budget, PolicyCostLimit):
		m.err = fmt.Errorf("%w: the policy's expressions cost more than %d together", ErrCostLimit, cmp.Or(m.budget, PolicyCostLimit))
		return nil, m.err
	case err != nil:
		return nil, err
	case types.IsError(out):
		if e, ok := out.(error); ok {
			return nil, e
		}
		return nil, fmt.Errorf("%v", out)
	}
	if tooLarge(out) {
		return nil, fmt.Errorf("%w: the expression's value holds more than %d elements and characters", ErrCostLimit, MaxResultSize)
	}
	return out, nil
}

// trackerCancelled is what cel-go says when its own cost tracker, not
// the guard, stops an evaluation at the limit.
const trackerCancelled = "operation cancelled: actual cost limit exceeded"

// callCostError is an expression stopped at CostLimit; tracked says
// cel-go's cost tracker stopped it as it ran, not the guard before a call.
type callCostError struct {
	error
	tracked bool
}

func (e *callCostError) Unwrap() error { return e.error }

// TrackedToLimit reports whether err is an expression cel-go's cost
// tracker stopped at CostLimit as it ran: what a provider whose limit is
// the same and whose accounting is cel-go's (kube-apiserver's per-call
// limit) does too, as opposed to the guard stopping a call before it
// runs, the deadline, or the policy's budget.
func TrackedToLimit(err error) bool {
	var c *callCostError
	return errors.As(err, &c) && c.tracked
}

// cancelled is the message of an evaluation cel-go cancelled (at its
// cost limit, or on the guard's word), else "".
func cancelled(err error) string {
	var c interpreter.EvalCancelledError
	if errors.As(err, &c) {
		return c.Message
	}
	return ""
}

// tooLarge: the value is over MaxResultSize (a bool or number never is).
func tooLarge(v ref.Val) bool {
	switch x := v.(type) {
	case types.Bool, types.Int, types.Uint, types.Double, types.Null:
		return false
	case types.String:
		return len(x) > MaxResultSize && runes(string(x)) > MaxResultSize
	}
	return aggregate(v, true, MaxResultSize) > MaxResultSize
}

// Spent is what the meter's evaluations have cost so far.
func (m *Meter) Spent() uint64 { return m.spent }

// Close releases the meter's timer.
func (m *Meter) Close() {
	if m.cancel != nil {
		m.cancel()
	}
}

// MissingKey extracts the key of a "no such key: x" CEL error: the
// expression read a claim (or attribute) the token does not carry.
func MissingKey(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	_, key, ok := strings.Cut(err.Error(), "no such key: ")
	return key, ok
}
