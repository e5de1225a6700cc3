package k8s

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// The checks kube-apiserver's validation makes on each JWT authenticator
// (k8s.io/apiserver/pkg/apis/apiserver/validation). A configuration that
// fails any of them is refused as a whole: the API server does not start,
// or a reload keeps the previous configuration. Not checked here: the
// certificateAuthority PEM, disallowed issuers (the service-account
// issuer) and the feature gates of older releases.

func validateIssuerURL(u, path string) []string {
	if u == "" {
		return []string{path + ": Required value: URL is required"}
	}
	return validateURL(u, path)
}

func validateURL(raw, path string) []string {
	u, err := url.Parse(raw)
	if err != nil {
		return []string{fmt.Sprintf("%s: Invalid value: %v", path, err)}
	}
	var out []string
	if u.Scheme != "https" {
		out = append(out, path+": Invalid value: URL scheme must be https")
	}
	if u.User != nil {
		out = append(out, path+": Invalid value: URL must not contain a username or password")
	}
	if u.RawQuery != "" {
		out = append(out, path+": Invalid value: URL must not contain a query")
	}
	if u.Fragment != "" {
		out = append(out, path+": Invalid value: URL must not contain a fragment")
	}
	return out
}

func validateDiscoveryURL(iss Issuer, path string) []string {
	if iss.DiscoveryURL == nil || *iss.DiscoveryURL == "" {
		return nil
	}
	d := *iss.DiscoveryURL
	var out []string
	if iss.URL != "" && strings.TrimRight(iss.URL, "/") == strings.TrimRight(d, "/") {
		out = append(out, path+": Invalid value: discoveryURL must be different from URL")
	}
	return append(out, validateURL(d, path)...)
}

func validateAudiences(iss Issuer, path string) []string {
	if len(iss.Audiences) == 0 {
		return []string{path + ".audiences: Required value: at least one audience is required"}
	}
	var out []string
	seen := map[string]bool{}
	for i, a := range iss.Audiences {
		if a == "" {
			out = append(out, fmt.Sprintf("%s.audiences[%d]: Required value: audience can't be empty", path, i))
		}
		if seen[a] {
			out = append(out, fmt.Sprintf("%s.audiences[%d]: Duplicate value: %q", path, i, a))
		}
		seen[a] = true
	}
	switch {
	case len(iss.Audiences) > 1 && iss.AudienceMatchPolicy != MatchAny:
		out = append(out, fmt.Sprintf("%s.audienceMatchPolicy: Invalid value: %q: audienceMatchPolicy must be MatchAny for multiple audiences", path, iss.AudienceMatchPolicy))
	case len(iss.Audiences) == 1 && iss.AudienceMatchPolicy != "" && iss.AudienceMatchPolicy != MatchAny:
		out = append(out, fmt.Sprintf("%s.audienceMatchPolicy: Invalid value: %q: audienceMatchPolicy must be empty or MatchAny for single audience", path, iss.AudienceMatchPolicy))
	}
	return out
}

// validateRule checks a claimValidationRule's shape (its CEL is compiled
// separately).
func validateRule(r ClaimValidationRule, path string, seenClaims, seenExprs map[string]bool) []string {
	var out []string
	switch {
	case r.Claim != "" && r.Expression != "":
		out = append(out, path+": Invalid value: claim and expression can't both be set")
	case r.Claim == "" && r.Expression == "":
		out = append(out, path+": Required value: claim or expression is required")
	case r.Claim != "":
		if r.Message != "" {
			out = append(out, path+".message: Invalid value: message can't be set when claim is set")
		}
		if seenClaims[r.Claim] {
			out = append(out, fmt.Sprintf("%s.claim: Duplicate value: %q", path, r.Claim))
		}
		seenClaims[r.Claim] = true
	default:
		if r.RequiredValue != "" {
			out = append(out, path+".requiredValue: Invalid value: requiredValue can't be set when expression is set")
		}
		if seenExprs[r.Expression] {
			out = append(out, fmt.Sprintf("%s.expression: Duplicate value: %q", path, r.Expression))
		}
		seenExprs[r.Expression] = true
	}
	return out
}

// validatePrefixed checks username (required) or groups.
func validatePrefixed(m PrefixedClaimOrExpression, path string, required bool) []string {
	switch {
	case m.Claim != "" && m.Expression != "":
		return []string{path + ": Invalid value: claim and expression can't both be set"}
	case m.Claim == "" && m.Expression == "" && required:
		return []string{path + ": Required value: claim or expression is required"}
	case m.Expression != "" && m.Prefix != nil:
		return []string{path + ".prefix: Invalid value: prefix can't be set when expression is set"}
	case m.Claim != "" && m.Prefix == nil:
		return []string{path + ".prefix: Required value: prefix is required when claim is set. It can be set to an empty string to disable prefixing (AuthenticationConfiguration has no default prefix, unlike --oidc-username-prefix)"}
	}
	return nil
}

var dns1123Subdomain = lazyre.New(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)

// validateExtraKey: a lowercase domain-prefixed path (example.org/foo).
func validateExtraKey(key, path string) []string {
	var out []string
	domain, rest, ok := strings.Cut(key, "/")
	if !ok || rest == "" || len(domain) > 253 || !dns1123Subdomain().MatchString(domain) {
		out = append(out, fmt.Sprintf("%s.key: Invalid value: %q: must be a domain-prefixed path (such as \"acme.io/foo\")", path, key))
	}
	if key != strings.ToLower(key) {
		out = append(out, fmt.Sprintf("%s.key: Invalid value: %q: key must be lowercase", path, key))
	}
	return out
}
