package octosts

// knownPermissions are the properties of InstallationPermissions in
// octo-sts/app @cb87fc17 pkg/octosts/octosts.TrustPolicy.json (go-github's
// InstallationPermissions, which octo-sts decodes strictly).
// TestKnownPermissionsMatchSchema checks the list against that file.
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

// closestPermission is the known permission within two edits of k, or "".
func closestPermission(k string) string {
	if len(k) > 60 {
		return ""
	}
	best, bestD := "", 3
	for _, p := range knownPermissions {
		if d := editDistance(k, p); d < bestD {
			best, bestD = p, d
		}
	}
	return best
}
