package policy

import "slices"

// AudienceHinter is implemented by policies that can tell which audience a
// token must carry to be accepted. `oidcscope fetch` asks the runner for a
// token with that audience, so the token it checks is the one the workflow's
// own login step would get.
//
// It is optional: a policy that cannot tell (an audience given as a
// pattern, a document that could not be read) returns nothing, and so do
// policies of providers that do not implement it.
type AudienceHinter interface {
	// Audiences lists audiences the policy accepts, the one to request
	// first. Empty when the policy accepts none oidcscope can name.
	Audiences() []string
}

// Audiences returns p's audience hints, or nil when p gives none.
func Audiences(p Policy) []string {
	if h, ok := p.(AudienceHinter); ok {
		return h.Audiences()
	}
	return nil
}

// AppendAudiences adds each non-empty audience to list unless it is there
// already, keeping the order in which a provider prefers them.
func AppendAudiences(list []string, auds ...string) []string {
	for _, a := range auds {
		if a != "" && !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	return list
}
