package policyset

import "github.com/oidcscope/oidcscope/policy"

// FromPolicies is a set of exactly these parsed policies, in this order:
// a caller that chose some of a loaded set's policies (fetch, by
// audience) evaluates them without parsing their documents again.
func FromPolicies(pols ...policy.Policy) *Set {
	return &Set{policies: append([]policy.Policy(nil), pols...)}
}

// Policies are the set's parsed policies in load order, as a copy; the
// documents that failed are in Failures.
func (s *Set) Policies() []policy.Policy {
	if s == nil {
		return nil
	}
	return append([]policy.Policy(nil), s.policies...)
}
