// Package cratesio checks a token against a crates.io trusted publishing
// configuration for GitHub Actions, following crates.io's
// src/controllers/trustpub/tokens/exchange/mod.rs and the crate
// crates_io_trustpub (see the reference, section 2).
package cratesio

import (
	"cmp"
	"fmt"

	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id; it is also the registry's name.
const ID = "crates.io"

// Audience is crates.io's TRUSTPUB_AUDIENCE on the public registry (the
// default: its domain name).
const Audience = "crates.io"

// Registry is crates.io's trusted publishing.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:            ID,
		Name:          "crates.io",
		Documents:     "a crates.io publisher document (registry: crates.io)",
		Keys:          []string{"owner", "repository", "workflow", "environment", "owner_id", "package"},
		Audience:      publisher.FixedAudience(Audience),
		WorkflowClaim: "workflow_ref",
		WorkflowFile:  publisher.CratesIOWorkflowFile,
		Check:         check,
		Form:          form,
	}
}

func form(doc publisher.Document) []string {
	crate := cmp.Or(doc.Package, "<crate>")
	return []string{fmt.Sprintf("crates.io's form (the crate's Settings, Trusted Publishing, GitHub): crate %s, Repository owner %s, Repository name %s, Workflow filename %s (the calling workflow, from workflow_ref), Environment %s; crates.io records the owner's ID itself",
		crate, doc.Owner, doc.Repository, doc.Workflow, publisher.FormValue(doc.Environment))}
}
