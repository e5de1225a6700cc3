package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// envRole is the demo's AWS role pinned to environment prod: the demo's
// push to main has no environment, so it denies it.
const envRoleSource = "trust-environment-prod.json"

func envRoleVerdict(t *testing.T, r *inspect.Report) policy.Verdict {
	t.Helper()
	for _, p := range r.Policies {
		if strings.HasSuffix(p.Source, envRoleSource) {
			return p.Verdict
		}
	}
	t.Fatalf("no policy from %s", envRoleSource)
	return ""
}

func hasClaim(r *inspect.Report, name string) bool {
	return slices.ContainsFunc(r.Token.Payload.Members, func(m decode.Member) bool { return m.Key == name })
}

// addClaim adds name=value with a: the name typed over the one offered,
// enter, the value typed over the one offered, enter.
func addClaim(t *testing.T, m Model, name, value string) Model {
	t.Helper()
	m = keys(t, m, "a")
	if m.prompt != promptAdd {
		t.Fatalf("a opened no add prompt (flash %q)", m.flash)
	}
	m = typeText(t, keys(t, m, "ctrl+u"), name)
	m = keys(t, m, "enter")
	if m.prompt != promptEdit {
		t.Fatalf("enter on the name %s asked no value (flash %q)", name, m.flash)
	}
	m = typeText(t, keys(t, m, "ctrl+u"), value)
	return keys(t, m, "enter")
}

// TestAddEnvironment: a offers environment first among the claims the
// demo token lacks, its values from the loaded policies (prod); adding
// environment=prod rebuilds sub in the environment context and the
// role pinned to environment prod flips to allow, the main branch's
// role to deny. u undoes it.
func TestAddEnvironment(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	if got := envRoleVerdict(t, m.report); got != policy.Deny {
		t.Fatalf("the demo token: %s %s, want deny", envRoleSource, got)
	}
	offered := keys(t, m, "a")
	if offered.prompt != promptAdd || len(offered.promptChoices) == 0 || offered.promptChoices[0] != "environment" {
		t.Fatalf("a offers %q, want environment first", offered.promptChoices)
	}
	for _, c := range offered.promptChoices {
		if hasClaim(m.report, c) {
			t.Errorf("a offers %s, which the token has", c)
		}
	}
	values := keys(t, offered, "enter")
	if values.prompt != promptEdit || !slices.Contains(values.promptChoices, "prod") {
		t.Fatalf("the environment's values offered: %q, want prod among them", values.promptChoices)
	}
	contains(t, values.View(), "add environment: ")

	m = addClaim(t, m, "environment", "prod")
	wantEdited(t, m.report, "environment", "prod", "repo:octo-org/octo-repo:environment:prod")
	if got := envRoleVerdict(t, m.report); got != policy.Allow {
		t.Errorf("%s: %s in environment prod, want allow", envRoleSource, got)
	}
	if got := verdictOf(t, m.report, mainRole); got != policy.Deny {
		t.Errorf("%s: %s in environment prod, want deny (its sub names the branch)", mainRole, got)
	}
	// The claim sits where GitHub's sorted claims have it.
	names := make([]string, len(m.report.Token.Payload.Members))
	for i, mem := range m.report.Token.Payload.Members {
		names[i] = mem.Key
	}
	if i := slices.Index(names, "environment"); i < 1 || names[i-1] != "check_run_id" || names[i+1] != "event_name" {
		t.Errorf("environment added at %d: %q", i, names)
	}
	if c := m.selectedClaim(); c == nil || c.Name != "environment" {
		t.Errorf("the added claim is not selected: %v", c)
	}
	if hasClaim(m.whatIf.real, "environment") {
		t.Error("the real token's report changed")
	}
	side := keys(t, m, "=").paneContent(100)
	contains(t, side, "✗ deny → ✓ allow")

	m = keys(t, m, "u")
	if m.editing() || hasClaim(m.report, "environment") || envRoleVerdict(t, m.report) != policy.Deny {
		t.Errorf("u left the added environment: editing %v", m.editing())
	}
}

// TestAddedClaimComesOut: an added claim emptied with e, or deleted
// with del, is taken out, sub rebuilt without it; del takes out a claim
// of the token too.
func TestAddedClaimComesOut(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	added := addClaim(t, m, "environment", "prod")

	emptied := editClaim(t, added, "environment", "")
	if hasClaim(emptied.report, "environment") {
		t.Error("e with an empty value left the added environment")
	}
	if emptied.editing() {
		t.Errorf("without the added claim the claims are the token's own, yet edited: %s", claimValue(t, emptied.report, "sub"))
	}
	if got := len(emptied.whatIf.edits); got != 0 {
		t.Errorf("%d edits kept behind the token's own claims, want none", got)
	}

	deleted := keys(t, pickClaim(t, added, "environment"), "delete")
	if hasClaim(deleted.report, "environment") || deleted.editing() {
		t.Error("del left the added environment")
	}

	// A claim of the token's own: the what-if of a job without it.
	gone := keys(t, pickClaim(t, m, "actor"), "delete")
	if !gone.editing() || hasClaim(gone.report, "actor") {
		t.Error("del on actor: still there")
	}
	if got := claimValue(t, gone.report, "sub"); got != "repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("actor deleted: sub = %q", got)
	}
	// An emptied claim the token has stays, empty: GitHub issues
	// base_ref "" outside pull requests.
	empty := editClaim(t, m, "actor", "")
	if !hasClaim(empty.report, "actor") || claimValue(t, empty.report, "actor") != "" {
		t.Error("e with an empty value on actor took it out")
	}
}

// TestAddOffersOnlyAbsentClaims: a name the token has is refused with a
// pointer to e; esc leaves the prompt with nothing changed; a token with
// every claim its catalog lists is told so.
func TestAddOffersOnlyAbsentClaims(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m2 := keys(t, typeText(t, keys(t, m, "a", "ctrl+u"), "actor"), "enter")
	if m2.prompt != promptNone || m2.editing() || !strings.Contains(m2.flash, "actor is in the token already") {
		t.Errorf("adding actor: prompt %v, flash %q", m2.prompt, m2.flash)
	}
	m3 := keys(t, m, "a", "enter", "esc")
	if m3.prompt != promptNone || m3.editing() || m3.addName != "" {
		t.Errorf("esc on the value: prompt %v, editing %v, adding %q", m3.prompt, m3.editing(), m3.addName)
	}
	for _, c := range m.addableClaims() {
		m = addClaim(t, m, c, "x")
	}
	m = keys(t, m, "a")
	if m.prompt != promptNone || !strings.Contains(m.flash, "nothing to add") {
		t.Errorf("with every claim added: prompt %v, flash %q", m.prompt, m.flash)
	}
}

// TestPolicyEnvironments: the environments named by the conditions on
// environment and on sub's environment context, patterns left out.
func TestPolicyEnvironments(t *testing.T) {
	results := []policy.Result{{Conditions: []policy.Condition{
		{Claims: []string{"sub"}, Expected: []string{"repo:o/r:environment:prod", "repo:o@1/r@2:environment:staging", "repo:o/r:ref:refs/heads/main", "repo:o/r:environment:pr*"}},
		{Claims: []string{"environment"}, Expected: []string{"qa", "prod", "^dev.*$", "pro\u202ed", "x\x1b[2J"}},
		{Claims: []string{"job_workflow_ref"}, Expected: []string{"environment:nope"}},
	}}}
	got := policyEnvironments(results)
	if want := []string{"prod", "staging", "qa"}; !slices.Equal(got, want) {
		t.Errorf("policyEnvironments = %q, want %q", got, want)
	}
}

// TestAddedClaimIsSelected: the claim added is the one selected, last
// in the token too (a claim the catalog does not know, typed).
func TestAddedClaimIsSelected(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	for _, name := range []string{"environment", "zz_custom"} {
		added := addClaim(t, m, name, "v")
		if c := added.selectedClaim(); c == nil || c.Name != name {
			t.Errorf("after adding %s the selected claim is %v", name, c)
		}
	}
}
