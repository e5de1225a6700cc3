package celclaims

import (
	"errors"

	"github.com/oidcscope/oidcscope/policy"
)

// Record collects what one evaluation of a policy finds: its conditions
// in order, whether any failed and the first failure's reason (for the
// Summary), and the expressions oidcscope's CEL bounds stopped. Its Meter
// holds the evaluation's CEL to those bounds; the evaluation closes it.
type Record struct {
	Conds  []policy.Condition
	Failed bool
	Reason string // the first failure, for the Summary
	Meter  Meter
	Stops  []string // expressions oidcscope's CEL bounds stopped, with why
}

// Add records a condition (with empty, never nil, Claims and Expected);
// reason is a short why for the Summary when it is the first failure.
func (r *Record) Add(c policy.Condition, reason string) {
	if c.Claims == nil {
		c.Claims = []string{}
	}
	if c.Expected == nil {
		c.Expected = []string{}
	}
	if c.Result == policy.Fail && !r.Failed {
		r.Failed, r.Reason = true, reason
	}
	r.Conds = append(r.Conds, c)
}

// Stopped reports whether err is oidcscope's CEL bounds stopping the
// expression at field, and then makes c errored with err as its
// diagnosis and records the expression: the policy's verdict becomes an
// error naming it, since a provider's own limits are not oidcscope's and
// neither allow nor deny can be told. It does not add c.
func (r *Record) Stopped(c *policy.Condition, field string, err error) bool {
	if !errors.Is(err, ErrCostLimit) {
		return false
	}
	c.Result, c.Diagnosis = policy.Errored, []string{err.Error()}
	r.Stops = append(r.Stops, field+": "+err.Error())
	return true
}

// Refusals words who stops a provider's policy from being evaluated.
type Refusals struct {
	Provider  Blame  // the provider would refuse the policy
	Oidcscope Blame  // every problem is oidcscope's limit (a CEL function it lacks)
	What      string // names the policy for Stopped: "this provider"
}

// Apply makes res an Error verdict for the policy's own problems (local:
// all of them oidcscope's limits) or, when it has none, for the
// expressions the evaluation's bounds stopped (stops).
func (w Refusals) Apply(res *policy.Result, problems []string, local bool, stops []string) {
	blame := w.Provider
	if local {
		blame = w.Oidcscope
	}
	if len(problems) == 0 && len(stops) > 0 {
		problems, blame = stops, Stopped(w.What)
	}
	Unevaluable(res, problems, blame)
}
