package policy

import "fmt"

// SafeEvaluate evaluates one policy and turns a panic in it into that
// policy's error result, so that a bug one document reaches (in any
// provider) never takes the report, or the other policies, down. The set
// evaluates every policy through it; a caller evaluating a policy on its
// own should too. It also fills the lint's examples with the token's
// values (FillExamples), for every provider alike.
func SafeEvaluate(p Policy, tok Token) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{
				Source: p.Source(), Provider: p.Provider(), Name: p.Name(), Verdict: Error,
				Error:      fmt.Sprintf("oidcscope failed while evaluating this policy (a bug: please report it): %s", Shorten(fmt.Sprint(r), 200)),
				Summary:    "error: oidcscope failed while evaluating this policy",
				Conditions: []Condition{}, Lint: []Finding{},
			}
		}
	}()
	res = p.Evaluate(tok)
	res.FillExamples(tok)
	return res
}
