package entra

import (
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/policy"
)

// repoForms are the two `repo:` prefixes GitHub puts in sub for the
// token's repository: legacy `repo:OWNER/REPO:` and immutable
// `repo:OWNER@OWNER_ID/REPO@REPO_ID:` (reference §1.4). ok is false when
// the token lacks a claim needed to build them.
type repoForms struct {
	legacy, immutable string
}

func tokenRepoForms(tok policy.Token) (repoForms, bool) {
	var vals [4]string
	for i, name := range []string{"repository", "repository_owner", "repository_owner_id", "repository_id"} {
		v, _, problem := claimString(tok, name)
		if problem != "" || v == "" {
			return repoForms{}, false
		}
		vals[i] = v
	}
	repo, owner, ownerID, repoID := vals[0], vals[1], vals[2], vals[3]
	slash := strings.IndexByte(repo, '/')
	if slash < 0 || slash == len(repo)-1 {
		return repoForms{}, false
	}
	// The legacy form is the repository claim as it is; the immutable
	// one takes the owner from repository_owner, as GitHub does.
	legacy := ghsub.Repo{Owner: repo[:slash], Name: repo[slash+1:]}
	return repoForms{
		legacy:    legacy.Prefix() + ":",
		immutable: ghsub.Repo{Owner: owner, Name: legacy.Name}.WithIDs(ownerID, repoID).Prefix() + ":",
	}, true
}

// split returns the token sub's repository prefix and the rest, and
// whether the prefix is the immutable one. ok is false when sub starts
// with neither form (a custom template without `repo`).
func (f repoForms) split(sub string) (prefix, rest string, immutable, ok bool) {
	switch {
	case strings.HasPrefix(sub, f.legacy):
		return f.legacy, sub[len(f.legacy):], false, true
	case strings.HasPrefix(sub, f.immutable):
		return f.immutable, sub[len(f.immutable):], true, true
	}
	return "", "", false, false
}

// both returns sub in legacy and immutable form, legacy first.
func (f repoForms) both(sub string) (legacy, immutable string, ok bool) {
	_, rest, _, ok := f.split(sub)
	if !ok {
		return "", "", false
	}
	return f.legacy + rest, f.immutable + rest, true
}
