package oidcprovider

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// issuer is the token's iss as STS uses it: the provider is the one whose
// URL is the issuer without https://.
type issuer struct {
	text    string // iss as the token carries it; "" when absent or not a string
	present bool
	path    string // text without https://; set only when usable
	usable  bool   // a single https string: a provider could be for it
	problem string // why it is not usable
}

func readIssuer(tok policy.Token) issuer {
	v, ok := tok.Claim("iss")
	if !ok {
		return issuer{problem: "the token has no iss claim: STS finds the IAM OIDC provider by the token's issuer"}
	}
	is := issuer{present: true}
	switch {
	case v.Kind != decode.String:
		is.problem = fmt.Sprintf("the token's iss is a JSON %s, not a URL: no IAM OIDC provider can be for it", v.Kind)
	case tok.Duplicated("iss"):
		is.text = v.Text
		is.problem = "the token carries iss more than once: which IAM OIDC provider STS would look up is undefined"
	default:
		is.text = v.Text
		rest, https := strings.CutPrefix(v.Text, "https://")
		if !https || rest == "" {
			// IAM User Guide, "Create an OpenID Connect (OIDC) identity
			// provider in IAM": the provider URL must begin with https://.
			is.problem = fmt.Sprintf("the token's iss %s is not an https URL: IAM OIDC provider URLs begin with https://, so no provider can be for it", escape.Quoted(v.Text))
			break
		}
		is.path, is.usable = rest, true
	}
	return is
}

// pathNotes explain why the issuer's path differs from a provider's: the
// ways the two usually differ, then where.
func pathNotes(provider string, is issuer) []string {
	var out []string
	switch {
	case strings.EqualFold(provider, is.path):
		// IAM User Guide, same page: "The URL is case-sensitive."
		out = append(out, "the provider's URL differs from the issuer only in case: IAM provider URLs are case-sensitive")
	case strings.TrimSuffix(provider, "/") == strings.TrimSuffix(is.path, "/"):
		out = append(out, "the two differ only in a trailing slash: STS matches the provider to the exact issuer, so the slash matters (current GitHub tokens have none)")
	}
	if similar(provider, is.path) {
		out = append(out, policy.AlignNamed("https://"+provider, is.text)...)
	}
	return out
}
