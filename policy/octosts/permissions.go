package octosts

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/closest"
	"github.com/oidcscope/oidcscope/policy"
)

// knownPermissions are the JSON keys of go-github v88.0.0's
// InstallationPermissions (github/apps.go), the version octo-sts/app
// @cb87fc17 pins in go.mod and decodes permissions: into strictly. The
// same list is octo-sts's schema pkg/octosts/octosts.TrustPolicy.json;
// TestKnownPermissionsMatchSchema checks it against that file.
var knownPermissions = []string{
	"actions", "actions_variables", "administration", "attestations", "blocking", "checks",
	"codespaces", "codespaces_lifecycle_admin", "codespaces_metadata", "codespaces_secrets",
	"codespaces_user_secrets", "contents", "content_references", "copilot_messages",
	"dependabot_secrets", "deployments", "discussions", "emails", "environments", "followers",
	"gists", "git_signing_ssh_public_keys", "gpg_keys", "interaction_limits", "issues", "keys",
	"metadata", "members", "merge_queues", "organization_actions_variables",
	"organization_administration", "organization_announcement_banners", "organization_api_insights",
	"organization_codespaces", "organization_codespaces_secrets", "organization_codespaces_settings",
	"organization_copilot_metrics", "organization_copilot_seat_management",
	"organization_custom_properties", "organization_custom_roles", "organization_custom_org_roles",
	"organization_dependabot_secrets", "organization_events", "organization_hooks",
	"organization_knowledge_bases", "organization_packages", "organization_personal_access_tokens",
	"organization_personal_access_token_requests", "organization_plan",
	"organization_pre_receive_hooks", "organization_projects", "organization_secrets",
	"organization_self_hosted_runners", "organization_user_blocking", "packages", "pages", "plan",
	"profile", "pull_requests", "repository_advisories", "repository_custom_properties",
	"repository_hooks", "repository_projects", "repository_pre_receive_hooks", "secrets",
	"secret_scanning_alerts", "security_events", "single_file", "starring", "statuses",
	"team_discussions", "user_events", "vulnerability_alerts", "watching", "workflows",
}

// permissionLevels are the values GitHub's REST reference documents for
// an installation token's permissions (docs.github.com
// /en/rest/apps/apps#create-an-installation-access-token-for-an-app:
// read or write, admin for a few). octo-sts passes values on unchecked.
var permissionLevels = []string{"read", "write", "admin"}

// permissionField is the InstallationPermissions field a key sets, as
// encoding/json (the end of octo-sts's sigs.k8s.io/yaml.UnmarshalStrict)
// finds it: the exact name, else one equal under Unicode case folding
// (bytes.EqualFold, so "CONTENTS" and even "ſecrets" with a long s count).
func permissionField(k string) (string, bool) {
	for _, p := range knownPermissions {
		if p == k {
			return p, true
		}
	}
	for _, p := range knownPermissions {
		if strings.EqualFold(p, k) {
			return p, true
		}
	}
	return "", false
}

// checkPermissions refuses the file, as octo-sts does, when a key names no
// field of InstallationPermissions.
func checkPermissions(data []byte, perms map[string]*string) error {
	var unknown []string
	for k := range perms {
		if _, ok := permissionField(k); !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	k := unknown[0]
	msg := fmt.Sprintf("permissions: %s is not a field of go-github v88's InstallationPermissions, which octo-sts/app @cb87fc17 decodes permissions into strictly: octo-sts refuses the whole file (\"unable to parse trust policy\")", escape.Quoted(k))
	if near := closestPermission(k); near != "" {
		msg += " (did you mean " + escape.Quoted(near) + "?)"
	} else {
		msg += "; a permission GitHub added after go-github v88 is accepted only by octo-sts releases built with a newer go-github"
	}
	if n := len(unknown) - 1; n > 0 {
		msg += " (and " + policy.Count(n, "more unknown permission") + ")"
	}
	return &policy.DocumentError{Kind: ErrUnreadable, Line: keyLine(data, k, keyLine(data, "permissions", 0)), Msg: msg}
}

// permissionLint warns about values GitHub does not document, and about
// a permission given twice under keys that differ only in case.
func permissionLint(perms map[string]*string) []policy.Finding {
	var keys []string
	byField := map[string][]string{}
	for k := range perms {
		keys = append(keys, k)
		if f, ok := permissionField(k); ok {
			byField[f] = append(byField[f], k)
		}
	}
	sort.Strings(keys)
	var out []policy.Finding
	warn := func(format string, args ...any) {
		out = append(out, policy.Finding{Rule: RulePermissionValue, Severity: policy.SevWarning, Message: fmt.Sprintf(format, args...)})
	}
	// sigs.k8s.io/yaml re-encodes the mapping as JSON from a Go map, so in
	// sorted key order, and encoding/json keeps a field's last value: of
	// keys naming one field, the one that sorts last wins.
	winner := map[string]string{}
	var fields []string
	for f, ks := range byField {
		sort.Strings(ks)
		winner[f] = ks[len(ks)-1]
		if len(ks) > 1 {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	for _, f := range fields {
		ks, w := byField[f], winner[f]
		kept := "no value (null)"
		if v := perms[w]; v != nil {
			kept = escape.Quoted(*v)
		}
		warn("permissions: %s name the same permission %s (keys match ignoring case); octo-sts keeps %s, from %s, the key that sorts last", quoteAll(ks), f, kept, escape.Quoted(w))
	}
	for _, k := range keys {
		f, _ := permissionField(k)
		if v := perms[k]; v != nil && winner[f] == k {
			if msg := levelProblem(k, *v); msg != "" {
				warn("%s", msg)
			}
		}
	}
	return out
}

// levelProblem says what is wrong with a permission's value, "" if nothing.
func levelProblem(k, v string) string {
	for _, l := range permissionLevels {
		switch {
		case v == l:
			return ""
		case strings.EqualFold(v, l):
			return fmt.Sprintf("permissions: %s is %s: GitHub documents %s in lower case; whether it accepts %s is undocumented, and octo-sts passes the value on unchanged (if GitHub refuses it, every exchange fails with \"token exchange failure (StatusUnprocessableEntity)\")", k, escape.Quoted(v), escape.Quoted(l), escape.Quoted(v))
		}
	}
	msg := fmt.Sprintf("permissions: %s is %s, not a level GitHub documents (read, write, admin): octo-sts passes it on unchecked, and GitHub will most likely refuse the token request, so every exchange would fail (\"token exchange failure (StatusUnprocessableEntity)\")", k, escape.Quoted(v))
	if v == "true" || v == "false" || isNumber(v) {
		msg += fmt.Sprintf("; %s is probably an unquoted YAML scalar (yes, on, true, 1, …) that octo-sts's YAML 1.1 parser read as a boolean or number and turned into a string", escape.Quoted(v))
	}
	return msg
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && !strings.ContainsRune(".-+eE", r) {
			return false
		}
	}
	return true
}

func quoteAll(ks []string) string {
	return strings.Join(escape.QuotedEach(ks), ", ")
}

// closestPermission is the known permission within two edits of k, or "".
func closestPermission(k string) string {
	if len(k) > 60 {
		return ""
	}
	return closest.Match(k, knownPermissions, 3)
}
