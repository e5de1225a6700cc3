package publisher

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// withActual fills in what the token holds for the lines a registry's
// Check leaves without it: Unchecked and NotChecked name the claims a
// line is about but are built without the token, and a report shows
// "token <claims>: <actual>" under them.
func withActual(conds []policy.Condition, tok policy.Token) {
	for i := range conds {
		c := &conds[i]
		if c.Result != policy.NotApplied || c.Actual != "" || c.Absent || len(c.Claims) == 0 {
			continue
		}
		c.Actual, c.Absent = claimsText(tok, c.Claims)
	}
}

// claimsText is the token's values of claims, in their order and joined
// as the report joins their names ("exp, nbf, iat"), "(absent)" for one
// the token lacks; absent when it lacks them all.
func claimsText(tok policy.Token, claims []string) (text string, absent bool) {
	if len(claims) == 1 {
		v, ok := tok.Text(claims[0])
		return v, !ok
	}
	parts := make([]string, len(claims))
	absent = true
	for i, name := range claims {
		v, ok := tok.Text(name)
		if !ok {
			v = "(absent)"
		}
		parts[i], absent = v, absent && !ok
	}
	if absent {
		return "", true
	}
	return strings.Join(parts, ", "), false
}
