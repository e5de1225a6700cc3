package entra

import (
	"fmt"
	"slices"
	"strings"
)

// githubClaims is what a flexible credential may test for GitHub's issuer,
// and with which operators (reference §3.2, the 2026 document).
var githubClaims = map[string][]string{
	"sub":                 {opEq, opMatches},
	"job_workflow_ref":    {opEq, opMatches},
	"repository_id":       {opEq},
	"repository_owner_id": {opEq},
}

// isGitHubFamily reports whether an issuer is one of GitHub's: github.com
// (with or without an enterprise slug), GHE.com or GHES.
func isGitHubFamily(issuer string) bool {
	return strings.HasPrefix(issuer, GitHubIssuer) ||
		strings.HasPrefix(issuer, "https://token.actions.") && strings.Contains(issuer, ".ghe.com") ||
		strings.HasPrefix(issuer, "https://") && strings.Contains(issuer, "/_services/token")
}

// checkTerm says why Entra would not accept a term for this issuer, or "".
// For issuers outside GitHub's family the reference lists no claims, so
// any claim is evaluated as written (see the entra-flexible-issuer rule).
func checkTerm(issuer string, t term) string {
	if t.Op != opEq && t.Op != opMatches {
		return fmt.Sprintf("%q is not an operator Entra accepts for this issuer (the documented operators are eq and matches)", t.Op)
	}
	if !isGitHubFamily(issuer) {
		return ""
	}
	ops, ok := githubClaims[t.Claim]
	if !ok {
		return fmt.Sprintf("claims['%s'] is not a claim Entra accepts for this issuer (GitHub: sub and job_workflow_ref with eq or matches; repository_id and repository_owner_id with eq)", t.Claim)
	}
	if !slices.Contains(ops, t.Op) {
		return fmt.Sprintf("%s is not an operator Entra accepts for claims['%s'] with this issuer (only %s)", t.Op, t.Claim, strings.Join(ops, ", "))
	}
	return ""
}
