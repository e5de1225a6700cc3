package fetchrun

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// Verdicts of the verdict step output, worst last.
const (
	VerdictNone  = "none"  // no policy was given
	VerdictAllow = "allow" // every given policy allows (with --any: one does)
	VerdictDeny  = "deny"  // a given policy denies
	VerdictError = "error" // a policy could not be evaluated, or no token was inspected
)

var verdictRank = map[string]int{VerdictNone: 0, VerdictAllow: 1, VerdictDeny: 2, VerdictError: 3}

// Combined is the worst verdict of the tokens, or with anyPolicy (--any)
// allow when any token's policies allow.
func Combined(reports []*inspect.Report, anyPolicy bool) string {
	verdict := VerdictNone
	for _, r := range reports {
		v := VerdictOf(r)
		if anyPolicy && v == VerdictAllow {
			return VerdictAllow
		}
		if verdictRank[v] > verdictRank[verdict] {
			verdict = v
		}
	}
	return verdict
}

// VerdictOf sums up one report's policies as the exit code reads them.
func VerdictOf(r *inspect.Report) string {
	if r.Token == nil {
		return VerdictError
	}
	if len(r.Policies) == 0 {
		return VerdictNone
	}
	counts := map[policy.Verdict]int{}
	for _, p := range r.Policies {
		counts[p.Verdict]++
	}
	switch {
	case r.PoliciesAny && counts[policy.Allow] > 0, counts[policy.Allow] == len(r.Policies):
		return VerdictAllow
	case counts[policy.Deny] > 0:
		return VerdictDeny
	}
	return VerdictError
}

// ExitCode is the exit code of the tokens' reports together: the worst
// of theirs, where with noFail (--no-fail) or anyPolicy (--any) a policy's
// verdict does not count on its own; with --any and not --no-fail, no
// token with an allowing policy is exit 1.
func ExitCode(reports []*inspect.Report, verdict string, anyPolicy, noFail bool) int {
	code := 0
	for _, r := range reports {
		code = max(code, reportExitCode(r, noFail || anyPolicy))
	}
	if anyPolicy && !noFail && (verdict == VerdictDeny || verdict == VerdictError) {
		code = max(code, 1)
	}
	return code
}

// reportExitCode is inspect's exit code for r; with noFail, what the
// policies decided does not count, every other check still does.
func reportExitCode(r *inspect.Report, noFail bool) int {
	if !noFail {
		return r.ExitCode()
	}
	without := *r
	without.Policies = nil
	return without.ExitCode()
}
