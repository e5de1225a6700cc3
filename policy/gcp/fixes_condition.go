package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// conditionFixes: when the failing attributeCondition reads a claim the
// token has no term for (it lacks the claim, or no snippet says it), the
// token's terms alone would leave that restriction out, and with it
// possibly everything but a name or the owner; and when it reads an owner
// claim, whose terms are Wide (Result.Instead leaves them out), the rest
// would let in any owner's repository. So the fix pins this repository by
// its immutable IDs (repository_id, and repository_owner_id when the
// token has it), and says which restriction it drops or stands in for. A
// token without a repository_id of digits gets none: nothing else pins as
// narrowly.
func (ev *evaluation) conditionFixes() []policy.Snippet {
	c, ok := ev.recorded(ev.condAt)
	if !ok || !refused(c) || ev.tokenSide(c) {
		return nil
	}
	var termed, wide []string
	for _, sn := range gcpinfo.Snippets(ev.tok) {
		switch {
		case !strings.HasPrefix(sn.Text, varAssertion+"."):
		case sn.Wide:
			wide = append(wide, sn.Claim)
		default:
			termed = append(termed, sn.Claim)
		}
	}
	var dropped, owners []string
	for _, claim := range c.Claims {
		switch {
		case slices.Contains(termed, claim):
		case slices.Contains(wide, claim):
			owners = appendNew(owners, claim)
		default:
			dropped = appendNew(dropped, claim)
		}
	}
	id, ok := ev.idClaim("repository_id")
	if len(dropped)+len(owners) == 0 || !ok {
		return nil
	}
	note := "CEL term for attributeCondition (join the terms with && into the whole condition): pins this repository by its immutable ID"
	if len(owners) > 0 {
		note += fmt.Sprintf("; it stands in for the token's %s term, which alone would let in other repositories of the same owner or enterprise", strings.Join(owners, " and "))
	}
	if len(dropped) > 0 {
		note += fmt.Sprintf("; it drops the %s of the failing condition, for which this token has no term, so any job of this repository passes that part: if the restriction is meant, change the job instead", restrictions(dropped))
	}
	out := []policy.Snippet{fix("repository_id", varAssertion+".repository_id == "+policy.QuoteCEL(id), note)}
	if owner, ok := ev.idClaim("repository_owner_id"); ok {
		out = append(out, fix("repository_owner_id", varAssertion+".repository_owner_id == "+policy.QuoteCEL(owner), note))
	}
	return out
}

// appendNew appends claim to claims unless it is there.
func appendNew(claims []string, claim string) []string {
	if slices.Contains(claims, claim) {
		return claims
	}
	return append(claims, claim)
}

// restrictions names what a fix drops: "the environment restriction",
// "the environment and ref restrictions".
func restrictions(claims []string) string {
	if len(claims) == 1 {
		return claims[0] + " restriction"
	}
	return strings.Join(claims[:len(claims)-1], ", ") + " and " + claims[len(claims)-1] + " restrictions"
}
