package vault

import (
	"github.com/ryanuber/go-glob"
)

// matchFound mirrors claims.go: true when any expected value matches any
// actual value. With globs, expected values must be strings (an error
// otherwise, though path_role.go refuses such roles before any login) and
// actual values that are not strings are skipped; go-glob knows only '*',
// matches case-sensitively and anchors the whole string. Without globs it
// is Go's == on the two values, which is type-sensitive; the error reports
// where Go's == would panic (two lists or two objects).
func matchFound(expected, actual []value, useGlobs bool) (bool, string) {
	for _, e := range expected {
		for _, a := range actual {
			if useGlobs {
				if e.kind != kString {
					return false, "received claim is not a glob string: " + e.render()
				}
				if a.kind != kString || !glob.Glob(e.text, a.text) {
					continue
				}
				return true, ""
			}
			eq, ok := equal(a, e)
			if !ok {
				return false, "Vault compares a nested " + map[bool]string{true: "list", false: "object"}[a.kind == kArray] + " with Go's ==, which panics: the login fails"
			}
			if eq {
				return true, ""
			}
		}
	}
	return false, ""
}

// validateAudience mirrors claims.go: with strict set, a token that has
// audiences fails a role that binds none; otherwise, when the role binds
// audiences, one of them must be among the token's.
func validateAudience(bound, aud []string, strict bool) string {
	if strict && len(bound) == 0 && len(aud) > 0 {
		return msgNoAudiences
	}
	if len(bound) > 0 {
		for _, b := range bound {
			for _, a := range aud {
				if a == b {
					return ""
				}
			}
		}
		return "aud claim does not match any bound audience"
	}
	return ""
}

const msgNoAudiences = "audience claim found in JWT but no audiences bound to the role"
