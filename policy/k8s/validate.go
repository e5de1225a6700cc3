package k8s

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/url"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// The checks kube-apiserver's validation makes on each JWT authenticator
// (k8s.io/apiserver/pkg/apis/apiserver/validation). A configuration that
// fails any of them is refused as a whole: the API server does not start,
// or a reload keeps the previous configuration. Not checked here:
// disallowed issuers (the service-account issuer, which depends on the
// server's flags) and the feature gates of older releases.

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
			out = append(out, fmt.Sprintf("%s.audiences[%d]: Duplicate value: %s", path, i, escape.Quoted(a)))
		}
		seen[a] = true
	}
	switch {
	case len(iss.Audiences) > 1 && iss.AudienceMatchPolicy != MatchAny:
		out = append(out, fmt.Sprintf("%s.audienceMatchPolicy: Invalid value: %s: audienceMatchPolicy must be MatchAny for multiple audiences", path, escape.Quoted(iss.AudienceMatchPolicy)))
	case len(iss.Audiences) == 1 && iss.AudienceMatchPolicy != "" && iss.AudienceMatchPolicy != MatchAny:
		out = append(out, fmt.Sprintf("%s.audienceMatchPolicy: Invalid value: %s: audienceMatchPolicy must be empty or MatchAny for single audience", path, escape.Quoted(iss.AudienceMatchPolicy)))
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
			out = append(out, fmt.Sprintf("%s.claim: Duplicate value: %s", path, escape.Quoted(r.Claim)))
		}
		seenClaims[r.Claim] = true
	default:
		if r.RequiredValue != "" {
			out = append(out, path+".requiredValue: Invalid value: requiredValue can't be set when expression is set")
		}
		if seenExprs[r.Expression] {
			out = append(out, fmt.Sprintf("%s.expression: Duplicate value: %s", path, escape.Quoted(r.Expression)))
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

var (
	dns1123Subdomain = lazyre.New(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	httpPath         = lazyre.New(`^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$`)
)

// validateExtraKey is kube-apiserver's check of claimMappings.extra[].key:
// a domain-prefixed path (apimachinery's IsDomainPrefixedPath: a DNS-1123
// subdomain, "/", then URL path characters), lowercase, and not in the
// k8s.io or kubernetes.io domains, which Kubernetes reserves for itself
// (it sets authentication.kubernetes.io/credential-id).
func validateExtraKey(key, path string) []string {
	p := path + ".key"
	var out []string
	domain, rest, ok := strings.Cut(key, "/")
	switch {
	case key == "":
		out = append(out, p+": Required value")
	case !ok || domain == "" || rest == "":
		out = append(out, fmt.Sprintf("%s: Invalid value: %s: must be a domain-prefixed path (such as \"acme.io/foo\")", p, escape.Quoted(key)))
	default:
		if len(domain) > 253 {
			out = append(out, fmt.Sprintf("%s: Invalid value: %s: must be no more than 253 characters", p, escape.Quoted(domain)))
		}
		if !dns1123Subdomain().MatchString(domain) {
			out = append(out, fmt.Sprintf("%s: Invalid value: %s: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')", p, escape.Quoted(domain)))
		}
		if !httpPath().MatchString(rest) {
			out = append(out, fmt.Sprintf("%s: Invalid value: %s: Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%%!$&'()*+,;=:]+')", p, escape.Quoted(rest)))
		}
	}
	if key != strings.ToLower(key) {
		out = append(out, fmt.Sprintf("%s: Invalid value: %s: must be lowercase", p, escape.Quoted(key)))
	}
	if d := domain; d == "kubernetes.io" || strings.HasSuffix(d, ".kubernetes.io") || d == "k8s.io" || strings.HasSuffix(d, ".k8s.io") {
		out = append(out, fmt.Sprintf("%s: Invalid value: %s: k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use", p, escape.Quoted(key)))
	}
	return out
}

// validateCertificateAuthority: kube-apiserver builds a pool from the PEM
// (client-go's cert.NewPoolFromBytes): every CERTIFICATE block without
// headers must parse, and there must be one.
func validateCertificateAuthority(ca, path string) []string {
	if ca == "" {
		return nil
	}
	found := false
	rest := []byte(ca)
	for len(rest) > 0 {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" || len(block.Headers) != 0 {
			continue
		}
		if _, err := x509.ParseCertificate(block.Bytes); err != nil {
			return []string{fmt.Sprintf("%s: Invalid value: \"<omitted>\": %v", path, err)}
		}
		found = true
	}
	if !found {
		return []string{path + ": Invalid value: \"<omitted>\": data does not contain any valid RSA or ECDSA certificates"}
	}
	return nil
}

// validateEgressSelector: empty, controlplane or cluster (the feature
// gate StructuredAuthenticationConfigurationEgressSelector is on by
// default since Kubernetes 1.34).
func validateEgressSelector(t, path string) []string {
	switch t {
	case "", "controlplane", "cluster":
		return nil
	}
	return []string{fmt.Sprintf("%s: Invalid value: %s: egress selector must be either controlplane or cluster", path, escape.Quoted(t))}
}

// maxAuthenticators is kube-apiserver's limit on jwt[].
const maxAuthenticators = 64

// validateDocument makes the checks of ValidateAuthenticationConfiguration
// that span authenticators: their number (over the limit, nothing else is
// reported), unique discoveryURLs, and anonymous.conditions only with
// anonymous.enabled. Unique issuer URLs are checked as they are compiled.
func validateDocument(cfg Config) (errs []string, tooMany bool) {
	if n := len(cfg.JWT); n > maxAuthenticators {
		return []string{fmt.Sprintf("jwt: Too many: %d: must have at most %d items", n, maxAuthenticators)}, true
	}
	seen := map[string]bool{}
	for i, a := range cfg.JWT {
		if a.Issuer.DiscoveryURL == nil || *a.Issuer.DiscoveryURL == "" {
			continue
		}
		d := *a.Issuer.DiscoveryURL
		if seen[d] {
			errs = append(errs, fmt.Sprintf("jwt[%d].issuer.discoveryURL: Duplicate value: %s", i, escape.Quoted(d)))
		}
		seen[d] = true
	}
	if an := cfg.Anonymous; an != nil && !an.Enabled && len(an.Conditions) > 0 {
		errs = append(errs, "anonymous.conditions: Invalid value: enabled should be set to true when conditions are defined")
	}
	return errs, false
}
