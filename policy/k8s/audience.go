package k8s

import "github.com/oidcscope/oidcscope/policy"

var _ policy.AudienceHinter = (*k8sPolicy)(nil)

// Audiences are every JWT authenticator's issuer.audiences, in file order:
// kube-apiserver accepts a token whose aud holds one of its authenticator's.
func (p *k8sPolicy) Audiences() []string {
	var out []string
	for _, a := range p.auths {
		out = policy.AppendAudiences(out, a.spec.Issuer.Audiences...)
	}
	return out
}
