package celclaims

import (
	"fmt"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestRecord: conditions keep their order with empty lists, the first
// failure's reason is kept, and a stopped expression is errored and
// listed while any other error is not.
func TestRecord(t *testing.T) {
	var r Record
	r.Add(policy.Condition{Result: policy.Pass}, "not a failure")
	r.Add(policy.Condition{Result: policy.Fail}, "first")
	r.Add(policy.Condition{Result: policy.Fail}, "second")
	if len(r.Conds) != 3 || r.Conds[0].Claims == nil || r.Conds[0].Expected == nil || !r.Failed || r.Reason != "first" {
		t.Errorf("%+v", r)
	}
	c := policy.Condition{Result: policy.Fail}
	if r.Stopped(&c, "rule", fmt.Errorf("no such key: x")) || c.Result != policy.Fail || len(r.Stops) != 0 {
		t.Errorf("an ordinary error stopped the expression: %+v %q", c, r.Stops)
	}
	if !r.Stopped(&c, "rule", fmt.Errorf("%w: too long", ErrCostLimit)) || c.Result != policy.Errored || len(r.Stops) != 1 || r.Stops[0] != "rule: "+ErrCostLimit.Error()+": too long" {
		t.Errorf("a stopped expression: %+v %q", c, r.Stops)
	}
}

// TestRefusalsApply: the policy's own problems win over stopped
// expressions, and whose limit they are picks the words.
func TestRefusalsApply(t *testing.T) {
	w := Refusals{Provider: Refusal("X refuses it: "), Oidcscope: Blame{Error: "oidcscope cannot: ", Summary: "error: cannot "}, What: "this policy"}
	for _, c := range []struct {
		problems []string
		local    bool
		stops    []string
		summary  string
	}{
		{problems: []string{"bad"}, stops: []string{"rule: slow"}, summary: "error: X refuses it: bad"},
		{problems: []string{"no url()"}, local: true, summary: "error: cannot no url()"},
		{stops: []string{"rule: slow"}, summary: "error: oidcscope stopped evaluating this policy: rule: slow"},
		{summary: "allow"},
	} {
		res := policy.Result{Verdict: policy.Allow, Summary: "allow"}
		w.Apply(&res, c.problems, c.local, c.stops)
		if res.Summary != c.summary {
			t.Errorf("%+v: summary %q, want %q", c, res.Summary, c.summary)
		}
	}
}
