package aws

import "strings"

// Which token claims AWS STS puts into the request context of
// AssumeRoleWithWebIdentity, as condition keys "<provider>:<claim>".
//
// aud and sub are the classic OIDC keys (azp and amr too when the IdP
// supplies them; GitHub's tokens carry neither). Since Jan/Feb 2026 AWS STS
// also validates a list of GitHub claims; that list is known only from
// secondary sources reproducing AWS's table (reference §2.2, [A7]).
var (
	classicKeys = map[string]bool{"aud": true, "sub": true, "azp": true, "amr": true}
	// keys2026 is the 9-key list the reference treats as established.
	keys2026 = map[string]bool{
		"actor": true, "actor_id": true, "job_workflow_ref": true, "repository": true,
		"repository_id": true, "workflow": true, "ref": true, "environment": true, "enterprise_id": true,
	}
	// unconfirmedKeys are listed by one blog only ([A7b], [A9]).
	unconfirmedKeys = map[string]bool{"repository_owner_id": true, "runner_environment": true}
)

// keys2026Order lists keys2026 in a stable order for messages and snippets.
var keys2026Order = []string{"actor", "actor_id", "job_workflow_ref", "repository", "repository_id", "workflow", "ref", "environment", "enterprise_id"}

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

// evaluated reports whether AWS is known to put this GitHub claim into the
// request context.
func evaluated(claim string) bool { return classicKeys[claim] || keys2026[claim] }

// isGitHubProvider reports whether an IAM OIDC provider path (issuer without
// https://) is one of GitHub's: github.com, an enterprise slug issuer,
// GHE.com data residency, or GHES (HOST/_services/token).
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

// issuerPath is how AWS names an OIDC provider: the issuer URL without
// https://. ok is false for an issuer AWS cannot have a provider for.
func issuerPath(iss string) (string, bool) {
	rest, ok := strings.CutPrefix(iss, "https://")
	if !ok || rest == "" {
		return "", false
	}
	return rest, true
}
