package k8s

import (
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// credentialIDKey is the user.extra key kube-apiserver fills from the
// token's jti (k8s.io/apiserver/pkg/authentication/user.CredentialIDKey).
const credentialIDKey = "authentication.kubernetes.io/credential-id"

// credentialID is kube-apiserver's getCredentialID: "JTI=<jti>" when jti
// decodes as a non-empty string (null decodes as ""), else nothing. Every
// GitHub token has a jti, so user.extra is never empty for one. tok is
// kubernetesView's: of a duplicated jti, the last is all that is left.
func credentialID(tok policy.Token) string {
	v, ok := tok.Claim("jti")
	if !ok || v.Kind != decode.String || v.Text == "" {
		return ""
	}
	return "JTI=" + v.Text
}
