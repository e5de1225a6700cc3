package fetchrun

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// PolicySet is a set of exactly these policies, nil for none.
func PolicySet(pols []policy.Policy) *policyset.Set {
	if len(pols) == 0 {
		return nil
	}
	return policyset.FromPolicies(pols...)
}
