package pubdev

import (
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// Lint rule ids.
const (
	RuleForm      = "pubdev-form"       // a value pub.dev's automated-publishing settings refuse
	RuleNoVersion = "pubdev-no-version" // the tag can only be checked against the pattern
	RuleNoIDs     = "pubdev-no-ids"     // the ID lock cannot be checked offline
)

// The settings' validation patterns (backend.dart), all case-insensitive.
var (
	nameRE        = lazyre.New(`(?i)^[a-z0-9\-\._]+$`)
	tagPatternRE  = lazyre.New(`(?i)^[a-z0-9\-._/]+$`)
	environmentRE = lazyre.New(`(?i)^[a-z0-9\-\._]+$`)
)

// lint is what pub.dev's settings would refuse (quoting its
// InvalidInputException texts) and what the document leaves unchecked.
func lint(doc publisher.Document) []policy.Finding {
	var out []policy.Finding
	refuse := func(msg string) {
		out = append(out, policy.Finding{Rule: RuleForm, Severity: policy.SevError, Message: msg})
	}
	if (doc.Owner != "" && !nameRE().MatchString(doc.Owner)) || (doc.Repository != "" && !nameRE().MatchString(doc.Repository)) {
		refuse("repository " + escape.Quoted(repoString(doc)) + ": pub.dev refuses it (\"The `repository` field has invalid characters.\")")
	}
	if p := doc.TagPattern; p != "" {
		parts := strings.Split(p, "{{version}}")
		switch {
		case len(parts) != 2:
			refuse("tag_pattern " + escape.Quoted(p) + ": pub.dev refuses it (\"The `tagPattern` field must contain a single `{{version}}` part.\")")
		case !validParts(parts):
			refuse("tag_pattern " + escape.Quoted(p) + ": pub.dev refuses it (\"The `tagPattern` field has invalid characters.\")")
		}
	}
	if e := doc.Environment; e != "" && !environmentRE().MatchString(e) {
		refuse("environment " + escape.Quoted(e) + ": pub.dev refuses it (\"The `environment` field has invalid characters.\")")
	}
	if doc.Has("events") {
		if len(doc.Events) == 0 {
			refuse("events is empty: pub.dev refuses it (\"At least one of the events (`push` or `workflow_dispatch`) must be enabled.\")")
		}
		for _, e := range doc.Events {
			if e != "push" && e != "workflow_dispatch" {
				refuse("events: " + escape.Quoted(e) + " is not one pub.dev can enable; it has push and workflow_dispatch only")
			}
		}
	}
	if doc.Version == "" {
		out = append(out, policy.Finding{Rule: RuleNoVersion, Severity: policy.SevInfo, Message: "no version: pub.dev compares the tag with tag_pattern filled in with the version in pubspec.yaml; add version (the one being published) to check the tag exactly"})
	}
	if doc.RepositoryID == "" && doc.OwnerID == "" {
		out = append(out, policy.Finding{Rule: RuleNoIDs, Severity: policy.SevInfo, Message: "no repository_id or owner_id: pub.dev recorded both at the first automated publish and refuses (and switches publishing off for) a token with others; add them to check it offline"})
	}
	return out
}

func validParts(parts []string) bool {
	for _, p := range parts {
		if p != "" && !tagPatternRE().MatchString(p) {
			return false
		}
	}
	return true
}
