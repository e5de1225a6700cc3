package reach

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// UnevaluableError is a policy its provider evaluates for no job at all
// (it refuses to load or compile it): every exchange fails, so "lets in
// none" would be read as a safe policy when it is a broken one.
type UnevaluableError struct {
	Policy string // its name
	Reason string // the provider's error, raw (escape it for a terminal)
}

func (e *UnevaluableError) Error() string {
	return "policy " + e.Policy + " cannot be evaluated: " + e.Reason
}

// Unevaluated is the rows the provider could not evaluate (Verdict
// Error): neither allowed nor denied.
func (t Table) Unevaluated() []Row { return t.rowsWith(policy.Error) }

// Reason is one error of the unevaluated rows and how many rows have it.
type Reason struct {
	Text string
	Jobs int
}

// Reasons are the distinct errors of the unevaluated rows, in row order.
func (t Table) Reasons() []Reason {
	var out []Reason
	at := map[string]int{}
	for _, r := range t.Unevaluated() {
		i, ok := at[r.Error]
		if !ok {
			i = len(out)
			at[r.Error] = i
			out = append(out, Reason{Text: r.Error})
		}
		out[i].Jobs++
	}
	return out
}

// unevaluable makes t the table of a policy no row of which could be
// evaluated: its first reason (counting the others) in place of the rows,
// and the error that says so. It is nil when some row has a verdict.
func (t *Table) unevaluable() error {
	if len(t.Rows) == 0 || len(t.Unevaluated()) < len(t.Rows) {
		return nil
	}
	reasons := t.Reasons()
	t.Error = reasons[0].Text
	if n := len(reasons) - 1; n > 0 {
		t.Error += fmt.Sprintf(" (and %d other reasons)", n)
	}
	t.Rows, t.Notes = []Row{}, nil
	return &UnevaluableError{Policy: t.Policy, Reason: t.Error}
}
