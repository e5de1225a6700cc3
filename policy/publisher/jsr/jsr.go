// Package jsr checks a token against a JSR package's publishing from
// GitHub Actions, following jsr's source: api/src/external/github.rs
// (the issuer, the claims, the aud permissions) and api/src/iam.rs
// check_publish_access (see the reference, section 6). JSR has no
// trusted-publisher record per workflow: the token itself is the publish
// credential, its aud names what it may publish, and the package's linked
// repository is matched by repository_id.
package jsr

import (
	"encoding/json"
	"fmt"

	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id.
const ID = "jsr"

// Registry is JSR's publishing from GitHub Actions.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:        ID,
		Name:      "JSR",
		Documents: "a JSR publisher document (registry: jsr)",
		Keys:      []string{"owner", "repository", "repository_id", "package", "version"},
		Required:  []string{"owner", "repository", "package"},
		Audience:  Audience,
		Check:     check,
		Lint:      lint,
		Form:      form,
		Suggest:   suggest,
		Snippets:  snippets,
	}
}

// Audience is the aud that grants publishing the document's package: the
// package-level permission JSR reads from aud. (deno publish asks for a
// version-level one, naming the version and the tarball's hash; JSR takes
// either.) It is "" when the document's package is not @scope/name.
func Audience(doc publisher.Document) string {
	scope, pkg, ok := splitPackage(doc.Package)
	if !ok {
		return ""
	}
	return fmt.Sprintf(`{"permissions":[{"permission":"package/publish","scope":%s,"package":%s}]}`, jsonString(scope), jsonString(pkg))
}

func jsonString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

func form(doc publisher.Document) []string {
	id := ""
	if doc.RepositoryID != "" {
		id = fmt.Sprintf(" (JSR records its ID, %s)", doc.RepositoryID)
	}
	return []string{
		fmt.Sprintf("JSR's settings (the package's Settings, GitHub Repository): link %s/%s%s; JSR accepts a token from any workflow of that repository whose aud grants publishing %s", doc.Owner, doc.Repository, id, doc.Package),
		"the scope's Settings, GitHub Actions security: \"restrict publishing to members\" (on by default) also requires the run's actor to be a JSR user who is a member of the scope",
	}
}

// answer is JSR's error for a refusal: its code and message.
func answer(status int, code, message string) string {
	return fmt.Sprintf("JSR answers %d %s: %s", status, code, message)
}

// invalidToken is JSR's invalidOidcToken with its detail.
func invalidToken(msg string) string {
	return answer(401, "invalidOidcToken", "The provided OIDC token is invalid: "+msg)
}

var (
	missingPermission  = answer(403, "missingPermission", "The credential this request was authenticated with does not have the necessary permissions to perform this action.")
	actorNotAuthorized = answer(403, "actorNotAuthorized", "The actor that this request was authenticated for is not authorized to access this resource.")
	actorNotMember     = answer(403, "actorNotScopeMember", "The actor that this request was authenticated for is not authorized as a scope member for this scope.")
	packageNotFound    = answer(404, "packageNotFound", "The requested package was not found.")
)
