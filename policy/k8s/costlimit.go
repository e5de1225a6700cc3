package k8s

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// overLimit reports whether err is the expression at field stopped by
// cel-go's cost tracker at the per-call limit, and then makes c a failure:
// kube-apiserver tracks cost the same way (cel-go's tracker, presence
// tests free, 1,000,000 per call) and rejects the token with "actual cost
// limit exceeded". why is the Summary's reason. Stops oidcscope makes on
// its own (the guard before a costly call, the deadline, the policy's
// budget) are left to Stopped.
func overLimit(c *policy.Condition, field string, err error) (why string, ok bool) {
	if !celclaims.TrackedToLimit(err) {
		return "", false
	}
	c.Result = policy.Fail
	c.Diagnosis = append([]string{
		fmt.Sprintf("%s: %v", field, err),
		fmt.Sprintf("kube-apiserver stops this expression at the same limit (%d per call, cel-go's cost tracking with presence tests free) and rejects the token: operation cancelled: actual cost limit exceeded. (oidcscope prices regular expressions built as it runs higher, so right at the limit the two can differ.)", celclaims.CostLimit),
	}, c.Diagnosis...)
	return field + ": actual cost limit exceeded", true
}
