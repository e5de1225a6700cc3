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
// possibly everything but a name or the owner. So the fix pins this
// repository by its immutable IDs (repository_id, and repository_owner_id
// when the token has it), and says which restriction it drops. A token
// without a repository_id of digits gets none: nothing else pins as
// narrowly.
func (ev *evaluation) conditionFixes() []policy.Snippet {
	c, ok := ev.recorded(ev.condAt)
	if !ok || !refused(c) || ev.tokenSide(c) {
		return nil
	}
	var termed []string
	for _, sn := range gcpinfo.Snippets(ev.tok) {
		if strings.HasPrefix(sn.Text, varAssertion+".") {
			termed = append(termed, sn.Claim)
		}
	}
	var dropped []string
	for _, claim := range c.Claims {
		if !slices.Contains(termed, claim) && !slices.Contains(dropped, claim) {
			dropped = append(dropped, claim)
		}
	}
	id, ok := ev.idClaim("repository_id")
	if len(dropped) == 0 || !ok {
		return nil
	}
	note := fmt.Sprintf("CEL term for attributeCondition (join the terms with && into the whole condition): pins this repository by its immutable ID; it drops the %s of the failing condition, for which this token has no term, so any job of this repository passes that part: if the restriction is meant, change the job instead", restrictions(dropped))
	out := []policy.Snippet{fix("repository_id", varAssertion+".repository_id == "+policy.QuoteCEL(id), note)}
	if owner, ok := ev.idClaim("repository_owner_id"); ok {
		out = append(out, fix("repository_owner_id", varAssertion+".repository_owner_id == "+policy.QuoteCEL(owner), note))
	}
	return out
}

// restrictions names what a fix drops: "the environment restriction",
// "the environment and ref restrictions".
func restrictions(claims []string) string {
	if len(claims) == 1 {
		return claims[0] + " restriction"
	}
	return strings.Join(claims[:len(claims)-1], ", ") + " and " + claims[len(claims)-1] + " restrictions"
}
