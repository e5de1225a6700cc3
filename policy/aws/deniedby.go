package aws

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// deniedBy begins the summary of a result an explicit Deny decided,
// followed by the statement's label and a colon (Evaluate).
const deniedBy = "denied by "

// DeniedBy is the label (Condition.Group) of the Deny statement that
// decided res, a trust policy's result: every condition of it holds for
// the token, which is the reason for the deny, not a pass. "" when no
// Deny statement decided res (an Allow failed, or STS refused the token
// before the trust policy).
func DeniedBy(res policy.Result) string {
	if res.Provider != policy.AWS || res.Verdict != policy.Deny || !strings.HasPrefix(res.Summary, deniedBy) {
		return ""
	}
	for _, c := range res.Conditions {
		if c.Group != "" && strings.HasPrefix(res.Summary, deniedBy+c.Group+":") {
			return c.Group
		}
	}
	return ""
}
