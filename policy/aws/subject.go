package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/policy"
)

// subjects are the two spellings of a token's sub: the legacy
// repo:OWNER/REPO:<context> and the immutable
// repo:OWNER@OWNER_ID/REPO@REPO_ID:<context> that GitHub moves repositories
// to from 2026-07-15 (reference §1.4).
type subjects struct {
	token    string // the token's sub, as it is
	repoForm bool   // sub starts with a repo:<owner>/<name> segment
	ctx      string // what follows that segment's colon: ref:…, environment:…, pull_request, custom keys
	legacy   string // "repo:octo-org/octo-repo" ("" when it cannot be built)
	imm      string // "repo:octo-org@65/octo-repo@74" ("" when it cannot be built)
	note     string // why the other form is missing, when it is
}

// stringClaim reads a claim that is a single string, present once.
func stringClaim(tok policy.Token, name string) (string, bool) {
	if tok.Duplicated(name) {
		return "", false
	}
	s, ok := tok.String(name)
	return s, ok && s != ""
}

func subjectsOf(tok policy.Token) (subjects, error) {
	if tok.Duplicated("sub") {
		return subjects{}, fmt.Errorf("the token carries sub more than once: which one AWS would read is undefined")
	}
	sub, ok := tok.String("sub")
	if !ok || sub == "" {
		return subjects{}, fmt.Errorf("the token has no string sub claim: IAM requires every GitHub trust policy to scope sub")
	}
	s := subjects{token: sub}
	rest, ok := strings.CutPrefix(sub, "repo:")
	seg, ctx, hasCtx := strings.Cut(rest, ":")
	if !ok || !hasCtx || !strings.Contains(seg, "/") {
		s.note = "the token's sub is customized without a repo: segment, so it is pinned exactly as it is"
		return s, nil
	}
	s.repoForm, s.ctx = true, ctx
	repo, _ := stringClaim(tok, "repository")
	owner, _ := stringClaim(tok, "repository_owner")
	ownerID, _ := stringClaim(tok, "repository_owner_id")
	repoID, _ := stringClaim(tok, "repository_id")
	_, name, _ := strings.Cut(repo, "/")
	built := ""
	if owner != "" && name != "" && ownerID != "" && repoID != "" {
		built = ghsub.Repo{Owner: owner, Name: name}.WithIDs(ownerID, repoID).Prefix()
	}
	if isImmutableSegment(seg) {
		s.imm = "repo:" + seg
		switch {
		case repo == "":
			s.note = "the token has no repository claim, so the legacy form of sub could not be built"
		case built != s.imm:
			s.note = "the token's sub does not agree with its repository claims, so the legacy form of sub was not built"
		default:
			s.legacy = "repo:" + repo
		}
		return s, nil
	}
	s.legacy = "repo:" + seg
	switch {
	case built == "":
		s.note = "the token lacks repository_owner, repository_owner_id, repository or repository_id, so the immutable form of sub (repo:OWNER@ID/REPO@ID) could not be built"
	case seg != repo:
		s.note = "the token's sub does not agree with its repository claim, so the immutable form of sub was not built"
	default:
		s.imm = built
	}
	return s, nil
}

// isImmutableSegment reports whether a sub's repo segment is
// OWNER@ID/REPO@ID, by the one parser of sub forms.
func isImmutableSegment(seg string) bool {
	r, ok := ghsub.ParseRepo(seg)
	return ok && r.Immutable()
}

// exact is the token's sub in both forms, the token's own first.
func (s subjects) exact() []string {
	out := []string{s.token}
	if !s.repoForm {
		return out
	}
	other := s.legacy
	if strings.HasPrefix(s.token, s.legacy+":") && s.legacy != "" {
		other = s.imm
	}
	if other != "" {
		out = append(out, other+":"+s.ctx)
	}
	return out
}

// repoWide are StringLike patterns for any context of the repository, in
// both forms; the repository part is written literally (literalValue), so
// only the trailing * is a wildcard.
func (s subjects) repoWide() []string {
	var out []string
	for _, r := range []string{s.legacy, s.imm} {
		if r != "" {
			out = append(out, literalValue(r, true)+":*")
		}
	}
	return out
}
