package fetchrun

import (
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

func TestVerdictOf(t *testing.T) {
	tok := &decode.Token{}
	res := func(vs ...policy.Verdict) []policy.Result {
		var out []policy.Result
		for _, v := range vs {
			out = append(out, policy.Result{Verdict: v})
		}
		return out
	}
	for _, tc := range []struct {
		r    inspect.Report
		want string
	}{
		{inspect.Report{}, VerdictError}, // no token
		{inspect.Report{Token: tok}, VerdictNone},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Allow)}, VerdictAllow},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Deny)}, VerdictDeny},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Deny), PoliciesAny: true}, VerdictAllow},
		{inspect.Report{Token: tok, Policies: res(policy.Deny, policy.Error)}, VerdictDeny},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Error)}, VerdictError},
		{inspect.Report{Token: tok, Policies: res(policy.Deny, policy.Error), PoliciesAny: true}, VerdictDeny},
	} {
		if got := VerdictOf(&tc.r); got != tc.want {
			t.Errorf("VerdictOf(%v any=%v) = %s, want %s", tc.r.Policies, tc.r.PoliciesAny, got, tc.want)
		}
	}
	// Several tokens: the worst.
	allow := &inspect.Report{Token: tok, Policies: res(policy.Allow)}
	deny := &inspect.Report{Token: tok, Policies: res(policy.Deny)}
	if v := Combined([]*inspect.Report{allow, deny, {Token: tok}}, false); v != VerdictDeny {
		t.Errorf("verdict %q, want deny", v)
	}
	// --any: one token's allowing policy is enough.
	if v := Combined([]*inspect.Report{deny, allow}, true); v != VerdictAllow {
		t.Errorf("verdict with --any %q, want allow", v)
	}
}

// TestExitCode: the tokens' worst exit code; --no-fail and --any take the
// policies' verdicts out of it, and --any alone fails when no token has an
// allowing policy.
func TestExitCode(t *testing.T) {
	tok := &decode.Token{}
	with := func(v policy.Verdict) *inspect.Report {
		return &inspect.Report{Token: tok, Policies: []policy.Result{{Verdict: v}}}
	}
	allow, deny, noToken := with(policy.Allow), with(policy.Deny), &inspect.Report{}
	for _, tc := range []struct {
		name           string
		reports        []*inspect.Report
		anyPol, noFail bool
		want           int
	}{
		{"all allow", []*inspect.Report{allow, allow}, false, false, 0},
		{"one denies", []*inspect.Report{allow, deny}, false, false, 1},
		{"--no-fail: a deny does not count", []*inspect.Report{allow, deny}, false, true, 0},
		{"--any: one allowing token is enough", []*inspect.Report{deny, allow}, true, false, 0},
		{"--any: none allows", []*inspect.Report{deny, deny}, true, false, 1},
		{"--any --no-fail: none allows, still 0", []*inspect.Report{deny}, true, true, 0},
		{"no token: 2 whatever the flags", []*inspect.Report{allow, noToken}, true, true, 2},
	} {
		verdict := Combined(tc.reports, tc.anyPol)
		if got := ExitCode(tc.reports, verdict, tc.anyPol, tc.noFail); got != tc.want {
			t.Errorf("%s: exit %d, want %d (verdict %s)", tc.name, got, tc.want, verdict)
		}
	}
}
