package policy

// NewResult starts p's result for one token: its source, provider and
// name, no conditions yet, and a copy of the policy's lint findings (the
// evaluation may add token-specific ones without touching the policy's).
// Both lists are non-nil, so that JSON shows [] rather than null.
func NewResult(p Policy, lint []Finding) Result {
	return Result{Source: p.Source(), Provider: p.Provider(), Name: p.Name(),
		Conditions: []Condition{}, Lint: append([]Finding{}, lint...)}
}

// SetError gives r the Error verdict: the policy cannot be evaluated, for
// reason.
func (r *Result) SetError(reason string) {
	r.Verdict, r.Error = Error, reason
	r.Summary = "cannot be evaluated: " + reason
}

// SetErrorFromConditions gives r the Error verdict when one of its
// conditions errored, whatever the others say: an answer the policy cannot
// give must not read as allow or deny. The reason is that condition's first
// diagnosis, else its expression. It reports whether it did.
func (r *Result) SetErrorFromConditions() bool {
	for _, c := range r.Conditions {
		if c.Result != Errored {
			continue
		}
		reason := c.Expression + ": cannot be evaluated"
		if len(c.Diagnosis) > 0 {
			reason = c.Diagnosis[0]
		}
		r.SetError(reason)
		return true
	}
	return false
}
