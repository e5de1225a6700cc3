package entra

import (
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// claimString reads a claim Entra compares as a string. When it cannot be
// compared, problem says why (absent, duplicated, not a string) and the
// condition fails with that diagnosis.
func claimString(tok policy.Token, name string) (val string, absent bool, problem string) {
	v, ok := tok.Claim(name)
	switch {
	case !ok:
		return "", true, policy.Absent(name)
	case tok.Duplicated(name):
		return "", false, fmt.Sprintf("the token carries %s %d times: which one Entra reads is unknown, so the token cannot be trusted to match", name, tok.Count(name))
	case v.Kind != decode.String:
		text, _ := tok.Text(name)
		return policy.Shorten(text, 80), false, fmt.Sprintf("the token's %s is a %s, not a string: Entra compares strings", name, v.Kind)
	}
	return v.Text, false, ""
}

// claimAudiences reads aud, a string or an array of strings.
func claimAudiences(tok policy.Token) (auds []string, actual string, absent bool, problem string) {
	if _, ok := tok.Claim("aud"); !ok {
		return nil, "", true, policy.Absent("aud")
	}
	text, _ := tok.Text("aud")
	if tok.Duplicated("aud") {
		return nil, text, false, fmt.Sprintf("the token carries aud %d times: which one Entra reads is unknown, so the token cannot be trusted to match", tok.Count("aud"))
	}
	auds, ok := tok.Strings("aud")
	if !ok {
		v, _ := tok.Claim("aud")
		return nil, policy.Shorten(text, 80), false, fmt.Sprintf("the token's aud is a %s, not a string or an array of strings", v.Kind)
	}
	if len(auds) == 1 {
		text = auds[0]
	}
	return auds, text, false, ""
}
