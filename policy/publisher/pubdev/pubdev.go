// Package pubdev checks a token against a pub.dev package's automated
// publishing from GitHub Actions, following pub-dev's source:
// app/lib/package/backend.dart (_checkGitHubActionAllowed,
// verifyTagPatternWithRef), app/lib/service/openid/github_openid.dart and
// app/lib/account/default_auth_provider.dart (see the reference, section
// 7). pub.dev has no exchange: the token itself is the upload credential.
package pubdev

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id.
const ID = "pub.dev"

// Audience is pub.dev's externalServiceAudience: a token with any other
// aud is not taken as a GitHub Actions token at all.
const Audience = "https://pub.dev"

// Registry is pub.dev's automated publishing from GitHub Actions.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:        ID,
		Name:      "pub.dev",
		Documents: "a pub.dev automated-publishing document (registry: pub.dev)",
		Keys:      []string{"owner", "repository", "package", "tag_pattern", "version", "events", "environment", "owner_id", "repository_id"},
		Required:  []string{"owner", "repository", "tag_pattern"},
		Audience:  publisher.FixedAudience(Audience),
		Check:     check,
		Lint:      lint,
		Form:      form,
		Suggest:   suggest,
		Snippets:  snippets,
	}
}

// events is the document's events, or pub.dev's default: push on,
// workflow_dispatch off.
func events(doc publisher.Document) []string {
	if doc.Has("events") {
		return doc.Events
	}
	return []string{"push"}
}

func form(doc publisher.Document) []string {
	env := "Require GitHub Actions environment off"
	if doc.Environment != "" {
		env = "Require GitHub Actions environment on, Environment " + doc.Environment
	}
	ev := events(doc)
	return []string{fmt.Sprintf("pub.dev's form (the package's Admin tab, Automated publishing, Enable publishing from GitHub Actions): Repository %s/%s, Tag pattern %s, Enable publishing from push events %s, Enable publishing from workflow_dispatch events %s, %s; pub.dev records the repository's and its owner's IDs at the first automated publish",
		doc.Owner, doc.Repository, doc.TagPattern, onOff(slices.Contains(ev, "push")), onOff(slices.Contains(ev, "workflow_dispatch")), env)}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// answer is pub.dev's 403 for a GitHub Actions token its configuration
// refuses (AuthorizationException.githubActionIssue), without the link
// to Dart's guide that follows it on a second line.
func answer(reason string) string {
	return "pub.dev answers 403 InsufficientPermissions: The calling GitHub Action is not allowed to publish, because: " + reason + "."
}

// invalidToken is pub.dev's 401 for a token it took as a service token
// and could not use (AuthenticationException.tokenInvalid).
func invalidToken(reason string) string {
	return "pub.dev answers 401: Invalid JWT token: " + reason + "."
}

// notTaken is pub.dev's answer for a token it does not take as a GitHub
// Actions token: it is tried as a user's sign-in, which fails.
const notTaken = "pub.dev answers 401: Authentication failed."

// repoString is the repository pub.dev's configuration holds.
func repoString(doc publisher.Document) string { return doc.Owner + "/" + doc.Repository }

// splitPattern cuts a tag pattern at its first {{version}}, as
// replaceFirst does.
func splitPattern(pattern string) (before, after string, ok bool) {
	return strings.Cut(pattern, "{{version}}")
}
