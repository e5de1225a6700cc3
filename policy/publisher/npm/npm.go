// Package npm checks a token against an npm trusted publisher for GitHub
// Actions. npm's registry is closed source: the rules are those its
// documentation states (the calling workflow's file, every field exact,
// GitHub-hosted runners only) and what the npm CLI sends (an aud of
// npm:<host of the registry>); what could not be confirmed is a visible
// "not checked offline" line, never a silent pass (see the reference,
// sections 4 and 10).
package npm

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id.
const ID = "npm"

// AudiencePrefix starts every audience the npm CLI requests: npm: and the
// host of the registry it publishes to.
const AudiencePrefix = "npm:"

// Registry is npm's trusted publishing.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:            ID,
		Name:          "npm",
		Documents:     "an npm publisher document (registry: npm)",
		Keys:          []string{"owner", "repository", "workflow", "environment", "package", "audience"},
		Audience:      publisher.DocumentAudience,
		WorkflowClaim: "workflow_ref",
		WorkflowFile:  publisher.PathWorkflowFile,
		Check:         check,
		Lint:          lint,
		Form:          form,
	}
}

func form(doc publisher.Document) []string {
	pkg := cmp.Or(doc.Package, "<package>")
	return []string{fmt.Sprintf("npm's form (the package's Settings, Trusted Publisher, GitHub Actions) for %s: Organization or user %s, Repository %s, Workflow filename %s (the calling workflow), Environment name %s; or npm trust github %s --repository %s/%s --file %s",
		pkg, doc.Owner, doc.Repository, doc.Workflow, publisher.FormValue(doc.Environment), pkg, doc.Owner, doc.Repository, doc.Workflow)}
}

// RuleAudience flags an audience the npm CLI never requests.
const RuleAudience = "npm-audience"

func lint(doc publisher.Document) []policy.Finding {
	if a := doc.Audience; a != "" && (!strings.HasPrefix(a, AudiencePrefix) || a == AudiencePrefix) {
		return []policy.Finding{{Rule: RuleAudience, Severity: policy.SevError, Message: fmt.Sprintf(
			"audience %s is not npm:<host>: the npm CLI requests npm: followed by the host of the registry it publishes to", escape.Quoted(a))}}
	}
	return nil
}
