package publisher

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Lint rule ids.
const (
	RuleUnusedKey      = "publisher-unused-key"
	RuleNoOwnerID      = "publisher-no-owner-id"
	RuleWorkflowFormat = "publisher-workflow-format"
)

// lint finds what is wrong with a document whatever the token: keys its
// registry does not use, a workflow its registry's form refuses, and the
// registry's own findings.
func lint(reg Registry, doc Document) []policy.Finding {
	var out []policy.Finding
	name := reg.displayName(doc)
	for _, k := range doc.keys {
		if k.Name == "registry" || slices.Contains(reg.Keys, k.Name) {
			continue
		}
		out = append(out, policy.Finding{Rule: RuleUnusedKey, Severity: policy.SevWarning, Message: fmt.Sprintf(
			"line %d: %s is not used by %s, which reads %s: the key has no effect here", k.Line, k.Name, name, strings.Join(reg.Keys, ", "))})
	}
	if w := doc.Workflow; w != "" && slices.Contains(reg.Keys, "workflow") {
		if msg := workflowFormat(w); msg != "" {
			out = append(out, policy.Finding{Rule: RuleWorkflowFormat, Severity: policy.SevError, Message: fmt.Sprintf(
				"workflow %s %s: %s's form refuses such a workflow file name", escape.Quoted(w), msg, name)})
		}
	}
	if slices.Contains(reg.Keys, "owner_id") && doc.OwnerID == "" {
		when := reg.OwnerIDRecorded
		if when == "" {
			when = "when the publisher was set up"
		}
		out = append(out, policy.Finding{Rule: RuleNoOwnerID, Severity: policy.SevInfo, Message: fmt.Sprintf(
			"no owner_id: %s recorded the owner's numeric ID %s and refuses a token whose repository_owner_id differs (an owner deleted and re-registered by someone else); add owner_id to check it offline", name, when)})
	}
	if reg.Lint != nil {
		out = append(out, reg.Lint(doc)...)
	}
	return out
}

// workflowFormat is what the registries' forms say of a workflow file
// name, or "": a file name only, ending in .yml or .yaml.
func workflowFormat(w string) string {
	switch {
	case strings.Contains(w, "/"):
		return "is a path, not a file name (the registries want the name only, without .github/workflows/)"
	case !strings.HasSuffix(w, ".yml") && !strings.HasSuffix(w, ".yaml"):
		return "does not end in .yml or .yaml"
	}
	return ""
}
