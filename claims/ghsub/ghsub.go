// Package ghsub is the one parser of GitHub Actions `sub` claims: the
// legacy repo:OWNER/REPO:<context>, the immutable
// repo:OWNER@OWNER_ID/REPO@REPO_ID:<context> (reference §1.4), and the
// context GitHub chose (environment, pull_request, ref). Custom templates
// (include_claim_keys) are other key:value lists; a template that keeps
// "repo" first still parses here. It imports nothing of oidcscope, so
// claims and every policy provider can use it. Its tests are plain string
// tests, no regular expressions: a set of 10,000 roles diagnoses
// thousands of subjects.
package ghsub

import "strings"

// Repo is the repository part of a sub, after "repo:".
type Repo struct {
	Owner, Name     string
	OwnerID, RepoID string // set in the immutable form only
}

// Immutable reports whether the part is OWNER@ID/REPO@ID.
func (r Repo) Immutable() bool { return r.OwnerID != "" }

// String is the part as GitHub writes it.
func (r Repo) String() string {
	if r.Immutable() {
		return r.Owner + "@" + r.OwnerID + "/" + r.Name + "@" + r.RepoID
	}
	return r.Owner + "/" + r.Name
}

// Prefix is "repo:" and the part: how a sub of this repository starts.
func (r Repo) Prefix() string { return "repo:" + r.String() }

// Legacy is the same repository in the legacy form.
func (r Repo) Legacy() Repo { return Repo{Owner: r.Owner, Name: r.Name} }

// WithIDs is the same repository in the immutable form.
func (r Repo) WithIDs(ownerID, repoID string) Repo {
	r.OwnerID, r.RepoID = ownerID, repoID
	return r
}

// Subject is a sub that starts with a repo part.
type Subject struct {
	Repo    Repo
	Rest    string // what follows the part's colon: ref:…, environment:…, pull_request, custom keys
	HasRest bool   // a colon follows the part (a whole sub always has one)
}

// Parse reads a sub that starts with repo:OWNER/REPO or
// repo:OWNER@ID/REPO@ID, up to the next colon. ok is false for any other
// sub (a custom template without repo first). A legacy part holds no
// '@' and its name may hold '/', as a pattern's can; an immutable part's
// name holds no '/'.
func Parse(sub string) (Subject, bool) {
	rest, ok := strings.CutPrefix(sub, "repo:")
	if !ok {
		return Subject{}, false
	}
	part, after, hasRest := strings.Cut(rest, ":")
	repo, ok := ParseRepo(part)
	if !ok {
		return Subject{}, false
	}
	return Subject{Repo: repo, Rest: after, HasRest: hasRest}, true
}

// ParseRepo reads a repo part, OWNER/REPO or OWNER@ID/REPO@ID.
func ParseRepo(part string) (Repo, bool) {
	owner, name, ok := strings.Cut(part, "/")
	if !ok || owner == "" || name == "" || strings.Contains(part, ":") {
		return Repo{}, false
	}
	if !strings.Contains(part, "@") {
		return Repo{Owner: owner, Name: name}, true
	}
	o, oid, ok1 := nameAtID(owner)
	n, rid, ok2 := nameAtID(name)
	if !ok1 || !ok2 || strings.Contains(name, "/") {
		return Repo{}, false
	}
	return Repo{Owner: o, OwnerID: oid, Name: n, RepoID: rid}, true
}

// nameAtID splits NAME@DIGITS at the last '@'; NAME is non-empty (the
// regular expression [^/:]+@[0-9]+ the diagnoses were first written with).
func nameAtID(s string) (name, id string, ok bool) {
	at := strings.LastIndexByte(s, '@')
	if at < 1 || at == len(s)-1 {
		return "", "", false
	}
	for i := at + 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", "", false
		}
	}
	return s[:at], s[at+1:], true
}

// IsLegacy reports whether sub starts with repo:OWNER/REPO: .
func IsLegacy(sub string) bool {
	s, ok := Parse(sub)
	return ok && s.HasRest && !s.Repo.Immutable()
}

// IsImmutable reports whether sub starts with repo:OWNER@ID/REPO@ID: .
func IsImmutable(sub string) bool {
	s, ok := Parse(sub)
	return ok && s.HasRest && s.Repo.Immutable()
}

// Context names the context GitHub put in sub: "environment" (the job
// references one, which wins over the event), "pull_request", "ref", or
// "" for none of them (a custom template, a pattern).
func Context(sub string) string {
	switch {
	case strings.Contains(sub, ":environment:"):
		return "environment"
	case strings.Contains(sub, ":ref:"):
		return "ref"
	case strings.HasSuffix(sub, ":pull_request"):
		return "pull_request"
	}
	return ""
}

// Environment is the environment a sub's context names ("prod" in
// repo:o/r:environment:prod, in either repository form or a custom
// template), "" for none.
func Environment(sub string) string {
	rest := sub
	if s, ok := Parse(sub); ok {
		rest = s.Rest
	}
	parts := strings.Split(rest, ":")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == "environment" {
			return parts[i+1]
		}
	}
	return ""
}
