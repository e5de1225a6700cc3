package octosts

import "github.com/oidcscope/oidcscope/policy"

var _ policy.AudienceHinter = (*trustPolicy)(nil)

// Audiences is the policy's audience, or without audience and
// audience_pattern the STS domain (octo-sts.dev on the public service),
// which octo-sts then requires. An audience_pattern names none.
func (tp *trustPolicy) Audiences() []string {
	switch {
	case tp.audience == nil:
		return policy.AppendAudiences(nil, tp.domain)
	case tp.audience.pattern || tp.audience.err != "":
		return nil
	}
	return policy.AppendAudiences(nil, tp.audience.value)
}
