package policy

import "slices"

// ownerScope are the claims whose value every repository of one owner
// (user, organization, GitLab group) or one enterprise shares: the claims
// catalog's owner and enterprise scopes. A condition pinning only one of
// them lets in all of that owner's repositories, so Result.Instead never
// offers one in place of a failing condition. Never written.
var ownerScope = [...]string{
	"repository_owner", "repository_owner_id", "enterprise", "enterprise_id",
	"namespace_id", "namespace_path", "job_namespace_id", "job_namespace_path",
}

// OwnerScope reports whether claim names an owner or an enterprise rather
// than one repository.
func OwnerScope(claim string) bool { return slices.Contains(ownerScope[:], claim) }

// OwnerScopeClaims lists them, as a copy.
func OwnerScopeClaims() []string { return slices.Clone(ownerScope[:]) }
