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
// GitHub token has a jti, so user.extra is never empty for one.
func credentialID(tok policy.Token) string {
	v, ok := lastMember(tok, "jti")
	if !ok || v.Kind != decode.String || v.Text == "" {
		return ""
	}
	return "JTI=" + v.Text
}

// lastMember is the claim as encoding/json decodes the payload into a
// map: of a duplicated member, the last.
func lastMember(tok policy.Token, name string) (decode.Value, bool) {
	var out decode.Value
	found := false
	if tok.Payload.Kind != decode.Object {
		return out, false
	}
	for _, m := range tok.Payload.Members {
		if m.Key == name {
			out, found = m.Value, true
		}
	}
	return out, found
}
