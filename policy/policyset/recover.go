package policyset

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// SafeEvaluate evaluates one policy and turns a panic in it into that
// policy's error result, so that a bug one document reaches (in any
// provider) never takes the report, or the other policies, down.
// Evaluate calls it for every policy; a caller evaluating a policy on its
// own should too.
func SafeEvaluate(p policy.Policy, tok policy.Token) (res policy.Result) {
	defer func() {
		if r := recover(); r != nil {
			res = policy.Result{
				Source: p.Source(), Provider: p.Provider(), Name: p.Name(), Verdict: policy.Error,
				Error:      fmt.Sprintf("oidcscope failed while evaluating this policy (a bug: please report it): %s", policy.Shorten(fmt.Sprint(r), 200)),
				Summary:    "error: oidcscope failed while evaluating this policy",
				Conditions: []policy.Condition{}, Lint: []policy.Finding{},
			}
		}
	}()
	return p.Evaluate(tok)
}
