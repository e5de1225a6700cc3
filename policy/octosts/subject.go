package octosts

import (
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/policy"
)

// repoSubject is a token's sub split into its repository part and its
// context, with both repository forms GitHub emits.
type repoSubject struct {
	legacy    string // repo:OWNER/REPO
	immutable string // repo:OWNER@OWNER_ID/REPO@REPO_ID ("" without the IDs)
	tail      string // what follows "<repo part>:", e.g. ref:refs/heads/main
}

// splitSubject recognises a sub that starts with the token's repository in
// either form (the default template, or a custom one that keeps "repo"
// first). ok is false for other custom templates.
func splitSubject(tok policy.Token) (repoSubject, bool) {
	sub, _ := tok.String("sub")
	repo, _ := tok.String("repository")
	owner, _ := tok.String("repository_owner")
	ownerID, _ := tok.String("repository_owner_id")
	repoID, _ := tok.String("repository_id")
	name, found := strings.CutPrefix(repo, owner+"/")
	if owner == "" || !found || name == "" || strings.Contains(name, "/") {
		return repoSubject{}, false
	}
	r := ghsub.Repo{Owner: owner, Name: name}
	rs := repoSubject{legacy: r.Prefix()}
	if ownerID != "" && repoID != "" {
		rs.immutable = r.WithIDs(ownerID, repoID).Prefix()
	}
	for _, form := range []string{rs.legacy, rs.immutable} {
		if form != "" && strings.HasPrefix(sub, form+":") {
			rs.tail = sub[len(form)+1:]
			return rs, true
		}
	}
	return repoSubject{}, false
}

// prefixPattern matches the repository part in both forms, grouped so
// that every octo-sts version anchors each (octo-sts/app up to v0.8.0
// compiles "^" + pattern + "$").
func (rs repoSubject) prefixPattern() string {
	if rs.immutable == "" {
		return regexp.QuoteMeta(rs.legacy)
	}
	return "(?:" + regexp.QuoteMeta(rs.legacy) + "|" + regexp.QuoteMeta(rs.immutable) + ")"
}

// pattern is a subject_pattern for this repository and a context pattern.
func (rs repoSubject) pattern(tailPattern string) string {
	return rs.prefixPattern() + ":" + tailPattern
}
