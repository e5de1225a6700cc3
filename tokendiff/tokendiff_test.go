package tokendiff

import (
	"context"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// run inspects a fixture token against the AWS sample that trusts every
// run of octo-repo but pull requests, offline.
func run(t *testing.T, name string) *inspect.Report {
	t.Helper()
	tok, err := fixtures.Sign(name, fixtures.StaticNow())
	if err != nil {
		t.Fatal(err)
	}
	return inspect.Run(context.Background(), inspect.Options{
		Input: []byte(tok), Source: verify.Source{Offline: true}, At: fixtures.StaticNow(),
		Policies: policyset.Loader{}.Load([]string{"../fixtures/policies/aws/trust-deny-pull-requests.json"}, nil, nil),
	})
}

// "Works on main, fails on the PR": the claims that tell the two jobs
// apart, and the policy that flips with the condition that flips it.
func TestMainAgainstPullRequest(t *testing.T) {
	d := Of(run(t, "push-main"), run(t, "pull-request"))
	want := map[string]Change{"sub": Changed, "event_name": Changed, "ref": Changed, "base_ref": Changed, "head_ref": Changed}
	got := map[string]ClaimDiff{}
	for _, c := range d.Claims {
		got[c.Name] = c
	}
	for name, ch := range want {
		if got[name].Change != ch {
			t.Errorf("claim %s: %q, want %q", name, got[name].Change, ch)
		}
	}
	for _, name := range []string{"iat", "exp", "nbf", "jti", "repository", "iss"} {
		if _, ok := got[name]; ok {
			t.Errorf("claim %s is listed; it does not tell the jobs apart", name)
		}
	}
	if got["sub"].A != `"repo:octo-org/octo-repo:ref:refs/heads/main"` || got["sub"].B != `"repo:octo-org/octo-repo:pull_request"` {
		t.Errorf("sub: %q → %q", got["sub"].A, got["sub"].B)
	}
	flips := d.Flips()
	if len(flips) != 1 || flips[0].A != policy.Allow || flips[0].B != policy.Deny {
		t.Fatalf("flips = %+v, want the main-branch role allow → deny", flips)
	}
	if len(flips[0].Conditions) == 0 {
		t.Error("the flip names no condition")
	}
}

func TestSameTokenHasNoDifferences(t *testing.T) {
	d := Of(run(t, "push-main"), run(t, "push-main"))
	if len(d.Claims) != 0 || len(d.Flips()) != 0 || len(d.Verdicts) != 1 {
		t.Errorf("claims %+v flips %+v verdicts %d", d.Claims, d.Flips(), len(d.Verdicts))
	}
}

func TestAddedAndRemovedClaims(t *testing.T) {
	d := Of(run(t, "push-main"), run(t, "environment-prod"))
	found := false
	for _, c := range d.Claims {
		if c.Name == "environment" {
			found = c.Change == Added && c.B == `"prod"` && c.A == ""
		}
	}
	if !found {
		t.Errorf("environment not listed as added: %+v", d.Claims)
	}
	d = Of(run(t, "environment-prod"), run(t, "push-main"))
	for _, c := range d.Claims {
		if c.Name == "environment" && c.Change != Removed {
			t.Errorf("environment: %q, want removed", c.Change)
		}
	}
}

// TestChecksThatDiffer: a check that passes for one token and fails for
// the other (here the audience) is listed with both outcomes; checks that
// agree are not.
func TestChecksThatDiffer(t *testing.T) {
	at := fixtures.StaticNow()
	runAud := func(name string) *inspect.Report {
		tok, err := fixtures.Sign(name, at)
		if err != nil {
			t.Fatal(err)
		}
		return inspect.Run(context.Background(), inspect.Options{Input: []byte(tok), Source: verify.Source{Offline: true}, At: at,
			Audiences: []string{"sts.amazonaws.com"}})
	}
	d := Of(runAud("push-main"), runAud("environment-prod"))
	if len(d.Checks) != 1 || d.Checks[0].Name != "aud" || d.Checks[0].A != verify.Pass || d.Checks[0].B != verify.Fail || d.Checks[0].BDetail == "" {
		t.Errorf("checks %+v, want aud pass → fail with its detail", d.Checks)
	}
	if d := Of(runAud("push-main"), runAud("push-main")); len(d.Checks) != 0 {
		t.Errorf("the same token: checks %+v", d.Checks)
	}
}
