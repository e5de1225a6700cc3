package vault

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Lint rule ids.
const (
	// RuleNoBoundAudiences: the role binds no audiences, so Vault refuses
	// every GitHub token (each has aud).
	RuleNoBoundAudiences = "vault-no-bound-audiences"
	// RuleGlobSpansColon: a glob '*' on a structured claim (sub, workflow
	// refs) crosses its separators and stands for more than one segment.
	RuleGlobSpansColon = "vault-glob-spans-colon"
	// RuleWildcardInString: a '*' under bound_claims_type "string" (or in
	// bound_subject) is a literal character.
	RuleWildcardInString = "vault-wildcard-in-string-type"
	// RuleRoleTypeOIDC: the role is (or defaults to) an OIDC role, which
	// refuses JWT logins.
	RuleRoleTypeOIDC = "vault-role-type-oidc"
	// RuleNoIDs: nothing pins repository_id or repository_owner_id.
	RuleNoIDs = "vault-no-bound-claims-on-ids"
	// RuleSubjectMutable: bound_subject (or a bound sub) uses the legacy
	// repo:OWNER/REPO form.
	RuleSubjectMutable = "vault-bound-subject-mutable"
	// RuleNoBoundConstraint: a jwt role binding nothing at all, which
	// Vault refuses to write.
	RuleNoBoundConstraint = "vault-no-bound-constraint"
	// RuleDuplicateKey: the role names a field, bound claim or mapping
	// twice; Vault's JSON decoding keeps the last.
	RuleDuplicateKey = "vault-duplicate-key"
)

func finding(rule, severity, format string, a ...any) policy.Finding {
	return policy.Finding{Rule: rule, Severity: severity, Message: fmt.Sprintf(format, a...)}
}

// lintRole finds what is wrong with a role on its own; obj is the role as
// written.
func lintRole(r *role, obj decode.Value) []policy.Finding {
	out := lintDuplicates(obj)
	if r.typeErr == "" && r.roleType != "jwt" {
		t := r.roleType
		if t == "" {
			t = "not set, so \"oidc\""
		}
		out = append(out, finding(RuleRoleTypeOIDC, policy.SevError,
			"role_type is %s: Vault refuses JWT logins to OIDC roles (%q), so no GitHub Actions token can use it; set \"role_type\": \"jwt\"", t, errOIDCRole))
	}
	if r.audErr == "" && len(r.audiences) == 0 {
		out = append(out, finding(RuleNoBoundAudiences, policy.SevError,
			"no bound_audiences: every GitHub token has aud, and Vault refuses a token with an aud when the role binds none (%q); bind the audience the workflow requests (hashicorp/vault-action: jwtGithubAudience)", msgNoAudiences))
	}
	if r.jwt() && r.audErr == "" && len(r.audiences) == 0 && r.subject == "" && len(r.claims) == 0 && r.claimsErr == "" && len(r.cidrs) == 0 {
		out = append(out, finding(RuleNoBoundConstraint, policy.SevError,
			"the role binds no audience, subject, claim or CIDR: Vault refuses to write such a jwt role (\"must have at least one bound constraint\")"))
	}
	out = append(out, lintWildcards(r)...)
	out = append(out, lintGlobs(r)...)
	out = append(out, lintIdentity(r)...)
	return out
}

func lintWildcards(r *role) []policy.Finding {
	var out []policy.Finding
	if strings.Contains(r.subject, "*") {
		out = append(out, finding(RuleWildcardInString, policy.SevWarning,
			"bound_subject %s contains '*', but bound_subject compares exactly and has no glob: only a sub with a literal '*' matches; use bound_claims {\"sub\": …} with \"bound_claims_type\": \"glob\"", escape.Quoted(r.subject)))
	}
	if r.claimsType != TypeString || r.claimsErr != "" {
		return out
	}
	for _, bc := range r.claims {
		for _, v := range bc.values {
			if v.kind == kString && strings.Contains(v.text, "*") {
				out = append(out, finding(RuleWildcardInString, policy.SevWarning,
					"bound_claims %s: %s contains '*', but bound_claims_type is \"string\", which compares literally; set \"bound_claims_type\": \"glob\" (for every bound claim of the role) or list the exact values", escape.Quoted(bc.key), escape.Quoted(v.text)))
				break
			}
		}
	}
	return out
}

// contextKey marks the context part of a default-format sub.
var contextKey = lazyre.New(`:(ref|environment):|:pull_request(:|$)`)

// lintGlobs finds globs whose '*' crosses the structure of sub or a
// workflow ref: go-glob's '*' matches ':', '/' and '@' like any character.
// One finding per bound claim.
func lintGlobs(r *role) []policy.Finding {
	if r.claimsType != TypeGlob || r.claimsErr != "" {
		return nil
	}
	var out []policy.Finding
	for _, bc := range r.claims {
		for _, v := range bc.values {
			if f, ok := globSpan(bc.key, v); ok {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

func globSpan(key string, v value) (policy.Finding, bool) {
	star := strings.IndexByte(v.text, '*')
	if v.kind != kString || star < 0 {
		return policy.Finding{}, false
	}
	prefix := v.text[:star]
	switch strings.TrimPrefix(key, "/") {
	case "sub":
		if !contextKey().MatchString(prefix) {
			return finding(RuleGlobSpansColon, policy.SevWarning,
				"bound_claims %s: the '*' in %s can span ':' — sub is repo:OWNER/REPO:<context>, so it matches every repository it can reach and every ref, environment and pull request; pin the context (…:ref:refs/heads/main) and bind repository_id instead of a repository pattern", escape.Quoted(key), escape.Quoted(v.text)), true
		}
	case "job_workflow_ref", "workflow_ref":
		if !strings.Contains(prefix, "@") {
			return finding(RuleGlobSpansColon, policy.SevWarning,
				"bound_claims %s: the '*' in %s comes before the '@<ref>' and can span '/' and '@': it also matches other files, repositories or refs (a branch named like x.yml@refs/heads/main satisfies …/*.yml@refs/heads/main); spell out the path and let '*' stand only after '@'", escape.Quoted(key), escape.Quoted(v.text)), true
		}
	}
	return policy.Finding{}, false
}

// lintIdentity nudges towards immutable identifiers.
func lintIdentity(r *role) []policy.Finding {
	var out []policy.Finding
	pinsID := false
	for _, bc := range r.claims {
		switch strings.TrimPrefix(bc.key, "/") {
		case "repository_id", "repository_owner_id":
			pinsID = true
		}
	}
	if !pinsID && r.jwt() {
		out = append(out, finding(RuleNoIDs, policy.SevInfo,
			"nothing pins repository_id or repository_owner_id: names (repository, repository_owner, the repo part of sub) change on rename or transfer and can be taken by someone else; bind the IDs, e.g. \"repository_id\": \"<REPOSITORY_ID>\" (as strings, as GitHub sends them)"))
	}
	if ghsub.IsLegacy(r.subject) {
		out = append(out, finding(RuleSubjectMutable, policy.SevInfo,
			"bound_subject %s uses the legacy repo:OWNER/REPO form: GitHub gives renamed or transferred repositories (and all created after 2026-07-15) the immutable form repo:OWNER@ID/REPO@ID, and bound_subject holds one exact string, so it cannot trust both; bind repository_id and repository_owner_id in bound_claims instead", escape.Quoted(r.subject)))
	}
	for _, bc := range r.claims {
		if strings.TrimPrefix(bc.key, "/") != "sub" {
			continue
		}
		for _, v := range bc.values {
			if v.kind == kString && ghsub.IsLegacy(v.text) && !pinsID {
				out = append(out, finding(RuleSubjectMutable, policy.SevInfo,
					"bound_claims %s: %s uses the legacy repo:OWNER/REPO form: repositories renamed, transferred or created after 2026-07-15 get repo:OWNER@ID/REPO@ID; list both forms, or bind repository_id and repository_owner_id", escape.Quoted(bc.key), escape.Quoted(v.text)))
				return out
			}
		}
	}
	return out
}
