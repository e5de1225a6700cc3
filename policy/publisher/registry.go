package publisher

import (
	"slices"

	"github.com/oidcscope/oidcscope/policy"
)

// Registry describes one package registry's trusted publishing for GitHub
// Actions: what the document may say for it and the checks it makes.
// Adding a registry is writing one of these.
type Registry struct {
	ID   string // provider id: results, --provider, fixtures/policies/<ID>
	Name string // display name, e.g. "PyPI"
	// Documents says what the provider reads, for policy/policyset's
	// messages about a document no provider recognises.
	Documents string
	// Values are the document's `registry:` values this provider reads
	// (PyPI reads pypi and testpypi); nil means ID alone.
	Values []string
	// Keys are the document keys the registry uses besides registry;
	// Required are those it cannot be checked without. nil Required means
	// owner, repository and workflow: what a publisher pinning a workflow
	// file names.
	Keys, Required []string
	// Audience is the aud the registry requires for a document.
	Audience func(doc Document) string
	// DisplayName names the registry for a document (TestPyPI for
	// registry: testpypi); nil means Name.
	DisplayName func(doc Document) string
	// WorkflowClaim is the claim the registry takes the workflow file
	// name from, and WorkflowFile its extraction.
	WorkflowClaim string
	WorkflowFile  func(ref string) (string, bool)
	// Check tests the token, in the registry's own order: the first
	// failing condition is what the registry answers.
	Check func(doc Document, tok policy.Token) []policy.Condition
	// Lint adds the registry's own findings about a document.
	Lint func(doc Document) []policy.Finding
	// OwnerIDRecorded says when the registry records the owner's ID, for
	// lint; "" means when the publisher was set up.
	OwnerIDRecorded string
	// Form words the registry's set-up form for a suggested document.
	Form func(doc Document) []string
	// Suggest and Snippets replace the shared suggestion and snippets,
	// which read a workflow file, for a registry that pins none (JSR
	// reads the package from aud, pub.dev pins a tag pattern); p is the
	// registry's provider, to check the suggestion with. nil means the
	// shared ones.
	Suggest  func(p policy.Provider, tok policy.Token, scope policy.Scope) (policy.Suggestion, error)
	Snippets func(tok policy.Token) []policy.Snippet
}

// withDefaults is r with its nil Values and Required filled in.
func (r Registry) withDefaults() Registry {
	if r.Values == nil {
		r.Values = []string{r.ID}
	}
	if r.Required == nil {
		r.Required = []string{"owner", "repository", "workflow"}
	}
	return r
}

func (r Registry) displayName(doc Document) string {
	if r.DisplayName != nil {
		return r.DisplayName(doc)
	}
	return r.Name
}

func (r Registry) reads(value string) bool { return slices.Contains(r.Values, value) }
