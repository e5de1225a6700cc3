package gcp

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// fixes are the changes to a refusing provider itself that the token's
// own conditions (gcpinfo.Snippets, which know no provider) cannot say,
// ready to paste: the command that undeletes or enables the provider
// (fixes_state.go); a failing attributeMapping entry replaced or dropped
// (fixes_mapping.go); attributeCondition terms pinning the repository by
// its ID when the failing condition reads a claim the token has no term
// for (fixes_condition.go); an IAM member no wider than the attached ones
// (fixes_members.go). None lets in more than the token's repository, and
// a fix that drops a restriction says so. Token-side refusals (a
// duplicated claim, oidcscope's own CEL bounds) get nothing. Evaluate sets
// them as Result.Fixes when the provider does not accept the token;
// Result.Instead shows them with the token's snippets and leaves out a
// fix that says what such a snippet says.
func (ev *evaluation) fixes() []policy.Snippet {
	out := ev.stateFixes()
	mapped, mfix := ev.mappingFixes()
	out = append(out, mfix...)
	out = append(out, ev.conditionFixes()...)
	out = append(out, ev.memberFixes(mapped)...)
	if len(out) == 0 {
		return nil // none, as a result read back from JSON has it
	}
	return out
}

func fix(claim, text, note string) policy.Snippet {
	return policy.Snippet{Provider: policy.GCP, Claim: claim, Text: text, Note: note}
}

// recorded is the condition the checks recorded at index i (-1: none).
func (ev *evaluation) recorded(i int) (policy.Condition, bool) {
	if i < 0 || i >= len(ev.Conds) {
		return policy.Condition{}, false
	}
	return ev.Conds[i], true
}

func refused(c policy.Condition) bool { return c.Result == policy.Fail || c.Result == policy.Errored }

// tokenSide reports whether a failure is the token's (a duplicated claim)
// or oidcscope's (its CEL bounds stopped the expression).
func (ev *evaluation) tokenSide(c policy.Condition) bool {
	return len(googleClaims.Duplicated(ev.tok, c.Claims)) > 0 || len(ev.Stops) > 0
}

// idClaim is an ID claim of the token fit for pasteable text: present
// once, and decimal digits (GitHub's IDs are).
func (ev *evaluation) idClaim(claim string) (string, bool) {
	v, ok := ev.tok.String(claim)
	return v, ok && !ev.tok.Duplicated(claim) && gcpinfo.Digits(v)
}
