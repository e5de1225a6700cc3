package gcp

import (
	"fmt"
	"slices"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// repositoryWide are the claims a principalSet://…/attribute.<key>/ member
// may name and grant at least a whole repository.
var repositoryWide = []string{"repository_id", "repository", "repository_owner_id", "repository_owner"}

// memberFixes: when none of the IAM members attached to the provider
// matches, a member of the provider's pool for this token that grants
// their role no more widely than they do. Where every attached pool
// member is at least repository-wide (another repository's, another
// owner's, the whole pool) or none names a pool, one for this token's
// repository ID, and the mapping entry it needs; where one is narrower
// (a subject, a group, an environment's attribute), only this token's own
// google.subject, since a repository-wide member would give the narrow
// member's role to every job of the repository. Never an owner-wide one.
func (ev *evaluation) memberFixes(mapped []mapEntry) []policy.Snippet {
	p := ev.p
	if len(p.members) == 0 || ev.matched != "" {
		return nil
	}
	pool := gcpinfo.Placeholder.PoolPath()
	if p.hasRes && gcpinfo.MemberValue(p.res.PoolPath()) { // else the placeholders, to fill in
		pool = p.res.PoolPath()
	}
	if !ev.narrowMember() {
		id, ok := ev.idClaim("repository_id")
		if !ok {
			return nil
		}
		out := []policy.Snippet{fix("repository_id", fmt.Sprintf("principalSet://%s/%s/attribute.repository_id/%s", IAMHost, pool, id),
			"IAM member of this provider's pool for every job of this repository (repository_id "+id+"): the attached members grant no narrower set of identities, so bind it with the role they have; needs attribute.repository_id in attributeMapping")}
		if !slices.ContainsFunc(mapped, func(e mapEntry) bool { return e.target == "attribute.repository_id" }) {
			out = append(out, fix("repository_id", `"attribute.repository_id": "assertion.repository_id"`, "attributeMapping entry the IAM member above needs"))
		}
		return out
	}
	subject, ok := ev.fixedSubject(mapped)
	if !ok || !gcpinfo.MemberValue(subject) {
		return nil
	}
	return []policy.Snippet{fix("sub", fmt.Sprintf("principal://%s/%s/subject/%s", IAMHost, pool, subject),
		fmt.Sprintf("IAM member for exactly this job's google.subject %s, no other: the attached members grant a narrower set of identities than the repository (a subject, a group or an attribute), so no wider member is offered; if they name another environment or ref than this job's, the job is what to change, not the binding", subject))}
}

// narrowMember reports whether an attached member of a workload identity
// pool grants less than a whole repository.
func (ev *evaluation) narrowMember() bool {
	return slices.ContainsFunc(ev.p.members, func(m member) bool {
		switch m.kind {
		case memberOther, memberAll:
			return false
		case memberAttribute:
			target := m.target()
			claim := memberClaim(ev.p, target)
			if claim == target && !ev.p.mapsTarget(target) {
				claim = m.key // never mapped: read by its name
			}
			return !slices.Contains(repositoryWide, claim)
		}
		return true
	})
}

// fixedSubject is the google.subject this token gets with the mapping the
// fixes leave.
func (ev *evaluation) fixedSubject(mapped []mapEntry) (string, bool) {
	i := slices.IndexFunc(mapped, func(e mapEntry) bool { return e.target == "google.subject" })
	if i < 0 {
		return "", false
	}
	v, ok := ev.trial("google.subject", mapped[i].src)
	s, isStr := v.(string)
	return s, ok && isStr
}
