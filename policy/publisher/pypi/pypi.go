// Package pypi checks a token against a PyPI (or TestPyPI) trusted
// publisher for GitHub Actions, following warehouse's
// warehouse/oidc/models/github.py and _core.py (see the reference,
// section 1).
package pypi

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy/publisher"
)

// ID is the provider id; TestPyPI documents (registry: testpypi) are read
// by the same provider.
const ID = "pypi"

// Audiences PyPI and TestPyPI require (warehouse.oidc.audience).
const (
	Audience     = "pypi"
	TestAudience = "testpypi"
)

// Registry is PyPI's trusted publishing.
func Registry() publisher.Registry {
	return publisher.Registry{
		ID:            ID,
		Name:          "PyPI",
		Documents:     "a PyPI or TestPyPI publisher document (registry: pypi)",
		Values:        []string{"pypi", "testpypi"},
		Keys:          []string{"owner", "repository", "workflow", "environment", "owner_id"},
		Audience:      audience,
		DisplayName:   displayName,
		WorkflowClaim: "job_workflow_ref",
		WorkflowFile:  publisher.PyPIWorkflowFile,
		Check:         check,
		Form:          form,
	}
}

func audience(doc publisher.Document) string {
	if doc.Registry == "testpypi" {
		return TestAudience
	}
	return Audience
}

func displayName(doc publisher.Document) string {
	if doc.Registry == "testpypi" {
		return "TestPyPI"
	}
	return "PyPI"
}

func form(doc publisher.Document) []string {
	return []string{fmt.Sprintf("%s's form (the project's Publishing page, GitHub tab): Owner %s, Repository name %s, Workflow name %s, Environment name %s; PyPI looks the owner's ID up itself when you save",
		displayName(doc), doc.Owner, doc.Repository, doc.Workflow, publisher.FormValue(doc.Environment))}
}
