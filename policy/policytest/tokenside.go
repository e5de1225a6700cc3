package policytest

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// CheckAudienceTokenSide checks, over pols and every static token
// requested with another provider's default audience or with GitHub's
// default (the owner's URL), that a failing audience condition is the
// token's side and that the block "Conditions this token satisfies
// instead" offers no audience line (one whose claim is aud or whose text
// holds audLine): pasted, the document would accept tokens minted for
// someone else. bindsGitHub: the provider's documentation binds GitHub's
// default (Vault), so for that audience the failure is the document's,
// and the block must offer the line when the policy denies on aud.
func CheckAudienceTokenSide(t *testing.T, p policy.Provider, pols []policy.Policy, audLine string, bindsGitHub bool) {
	t.Helper()
	failures := 0
	for _, pol := range pols {
		for _, name := range FixtureNames() {
			for _, aud := range append(OtherAudiences(p.ID()), "https://github.com/octo-org") {
				tok := FixtureWith(t, name, map[string]any{"aud": aud})
				r := pol.Evaluate(tok)
				other := !bindsGitHub || !strings.HasPrefix(aud, "https://github.com/")
				failedAud := false
				for _, c := range r.Conditions {
					if c.Result != policy.Fail || !slices.Contains(c.Claims, "aud") {
						continue
					}
					failures++
					failedAud = true
					if c.TokenSide != other {
						t.Errorf("%s/%s for %s: %s: TokenSide = %v, want %v", pol.Source(), name, aud, c.Expression, c.TokenSide, other)
					}
				}
				offered := false
				for _, sn := range InsteadBlock(r, tok, p.Snippets(tok)) {
					if sn.Claim == "aud" || strings.Contains(sn.Text, audLine) {
						offered = true
						if other {
							t.Errorf("%s/%s: the token was requested for someone else (%s), yet the block offers %s", pol.Source(), name, aud, sn.Text)
						}
					}
				}
				if !other && !offered && r.Verdict == policy.Deny && failedAud {
					t.Errorf("%s/%s for %s: the document may mean GitHub's default audience, yet the block offers no audience line", pol.Source(), name, aud)
				}
			}
		}
	}
	if failures == 0 {
		t.Fatal("no audience condition failed: the test checks nothing")
	}
}

// CheckRefSuggestionKeepsOutDefaultBranchEvents: since 8 December 2025
// GitHub runs pull_request_target jobs on the default branch, so their
// token carries ref refs/heads/main like a push to main. p's ref-scope
// suggestion for a push to main pins the token's own event_name too,
// which keeps those jobs (and workflow_run ones) out whatever their sub
// says, and its notes say so (noteParts); a token without event_name, or
// of one of those events, gets a note of its own.
func CheckRefSuggestionKeepsOutDefaultBranchEvents(t *testing.T, p policy.Provider, parse func(doc string) policy.Policy, noteParts ...string) {
	t.Helper()
	s, err := p.Suggest(FixtureToken(t, "push-main"), policy.ScopeRef)
	if err != nil {
		t.Fatal(err)
	}
	pol := parse(s.Document)
	tests := []struct {
		name    string
		changes map[string]any
		want    policy.Verdict
	}{
		{"pull_request_target", map[string]any{"event_name": "pull_request_target", "sub": "repo:octo-org/octo-repo:pull_request", "head_ref": "evil", "base_ref": "main"}, policy.Deny},
		{"pull_request_target, sub naming the ref", map[string]any{"event_name": "pull_request_target", "head_ref": "evil", "base_ref": "main"}, policy.Deny},
		{"workflow_run", map[string]any{"event_name": "workflow_run"}, policy.Deny},
		{"push, immutable sub", map[string]any{"sub": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}, policy.Allow},
	}
	for _, tt := range tests {
		if r := pol.Evaluate(FixtureWith(t, "push-main", tt.changes)); r.Verdict != tt.want {
			t.Errorf("%s: %s, want %s (%s)\n%s", tt.name, r.Verdict, tt.want, r.Summary, s.Document)
		}
	}
	if !HasLine(s.Notes, noteParts...) {
		t.Errorf("the ref note does not say the event is pinned and why (%q):\n%q", noteParts, s.Notes)
	}
	for event, want := range map[string]string{"": "no single event_name", "pull_request_target": "someone else's pull request", "workflow_run": "someone else's pull request or workflow run"} {
		edit := map[string]any{"event_name": nil}
		if event != "" {
			edit["event_name"] = event
		}
		s, err := p.Suggest(FixtureWith(t, "push-main", edit), policy.ScopeRef)
		if err != nil || !HasLine(s.Notes, want) {
			t.Errorf("event_name %q: %v, notes lack %q:\n%q", event, err, want, s.Notes)
		}
	}
}
