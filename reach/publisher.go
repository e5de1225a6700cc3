package reach

import (
	"cmp"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// documented is a trusted publisher (policy/publisher): its settings are
// the fields of a document, which its conditions show as prose rather
// than as values to read out.
type documented interface{ Document() publisher.Document }

// workflowsDir is where GitHub runs workflow files from.
const workflowsDir = ".github/workflows/"

// publisherMentions adds what a publisher document names: the workflow
// file the jobs run from (or call, from another repository's
// workflow_repository), the environment as written and in lower case (the
// registries differ on case), the events it enables, and for a tag
// pattern a tag that fits it with the document's version and one of
// another version.
func publisherMentions(p policy.Policy, m *mentioned) {
	d, ok := p.(documented)
	if !ok {
		return
	}
	doc := d.Document()
	if doc.Workflow != "" && !strings.Contains(doc.Workflow, "/") {
		own := doc.Owner + "/" + doc.Repository
		m.setWorkflow(cmp.Or(doc.WorkflowRepository, own), own, doc.Workflow, "")
	}
	if e := doc.Environment; e != "" {
		m.environments = append(m.environments, literalVariants(e)...)
		if lower := strings.ToLower(e); lower != e {
			m.environments = append(m.environments, lower)
		}
	}
	m.events = append(m.events, doc.Events...)
	if doc.TagPattern != "" {
		version := doc.Version
		if version == "" {
			version = "1.0.0"
		}
		for _, v := range []string{version, otherVersion(version)} {
			m.refs = append(m.refs, "refs/tags/"+strings.Replace(doc.TagPattern, versionPlaceholder, v, 1))
		}
	}
}

// versionPlaceholder stands for the version in a tag pattern.
const versionPlaceholder = "{{version}}"

// otherVersion is a version that is not v.
func otherVersion(v string) string {
	if v == "0.0.0" {
		return "0.0.1"
	}
	return "0.0.0"
}
