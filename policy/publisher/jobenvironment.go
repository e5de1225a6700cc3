package publisher

import (
	"fmt"
	"slices"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// jobEnvironment words, in the failing environment condition of conds,
// the fix for a job that references no environment when the publisher
// names one: add the document's environment to the job. The environment
// is the job's side of the refusal (its reviewers and branch rules guard
// publishing), so no fix offers to remove it from the publisher. The
// advice replaces the generic line about the claim (absent, or null read
// as not a string) and is added after the registry's answer otherwise.
func jobEnvironment(registry string, doc Document, tok policy.Token, conds []policy.Condition) {
	why, none := noEnvironment(tok)
	if doc.Environment == "" || !none {
		return
	}
	advice := fmt.Sprintf("%s: the job references no environment; add `environment: %s` to the job that publishes (%s accepts this publisher only from a job in that environment, whose required reviewers and branch rules guard publishing)",
		why, policy.QuoteJSON(doc.Environment, true), registry)
	generic := []string{stateProblem("environment", ClaimAbsent), stateProblem("environment", ClaimNotString)}
	for i, c := range conds {
		if c.Result != policy.Fail && c.Result != policy.Errored || !slices.Equal(c.Claims, []string{"environment"}) {
			continue
		}
		diag := slices.Clone(c.Diagnosis)
		if at := slices.IndexFunc(diag, func(d string) bool { return slices.Contains(generic, d) }); at > 0 {
			diag[at] = advice
		} else {
			diag = append(diag, advice)
		}
		conds[i].Diagnosis = diag
	}
}

// noEnvironment reports a token whose job references no environment,
// and says how: the claim absent, null or the empty string.
func noEnvironment(tok policy.Token) (why string, none bool) {
	if tok.Duplicated("environment") {
		return "", false
	}
	v, present := tok.Claim("environment")
	switch {
	case !present:
		return "the token has no environment claim", true
	case v.Kind == decode.Null:
		return "the token's environment is null", true
	case v.Kind == decode.String && v.Text == "":
		return "the token's environment is empty", true
	}
	return "", false
}
