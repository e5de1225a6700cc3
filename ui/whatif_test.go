package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// The demo role whose trust policy pins sub to the main branch: it lets
// the demo's push in and a pull request out.
const mainRole = "arn:aws:iam::111122223333:role/gha-legacy-deploy-main"

// editClaim selects name, opens the edit prompt (e), replaces the value
// with value and applies it (enter).
func editClaim(t *testing.T, m Model, name, value string) Model {
	t.Helper()
	m = pickClaim(t, m, name)
	m = keys(t, m, "e")
	if m.prompt != promptEdit {
		t.Fatalf("e on %s opened no edit prompt", name)
	}
	m = keys(t, m, "ctrl+u")
	m = typeText(t, m, value)
	return keys(t, m, "enter")
}

// pickClaim selects the claim name with no filter (filtering for ref
// would leave base_ref and others too).
func pickClaim(t *testing.T, m Model, name string) Model {
	t.Helper()
	m.filter.SetValue("")
	m.claimSel = slices.IndexFunc(m.report.Claims, func(c inspect.Claim) bool { return c.Name == name })
	m.pane = paneClaims
	m.clampSelection()
	if c := m.selectedClaim(); c == nil || c.Name != name {
		t.Fatalf("could not select %s", name)
	}
	return m
}

// claimValue is the report's value of name as its JSON text, unquoted
// for a string.
func claimValue(t *testing.T, r *inspect.Report, name string) string {
	t.Helper()
	for _, c := range r.Claims {
		if c.Name == name {
			return editText(c.Value)
		}
	}
	t.Fatalf("no claim %s", name)
	return ""
}

func verdictOf(t *testing.T, r *inspect.Report, name string) policy.Verdict {
	t.Helper()
	for _, p := range r.Policies {
		if p.Name == name {
			return p.Verdict
		}
	}
	t.Fatalf("no policy %s", name)
	return ""
}

// wantEdited checks the report after a what-if changed claim to value:
// edited (so unsigned), the claim at its new value and sub rebuilt by the
// context rule.
func wantEdited(t *testing.T, r *inspect.Report, claim, value, sub string) {
	t.Helper()
	if r.Unsigned != inspect.Edited {
		t.Fatalf("after changing %s the report is %q, want edited", claim, r.Unsigned)
	}
	if got := claimValue(t, r, claim); got != value {
		t.Errorf("%s = %q, want %q", claim, got, value)
	}
	if got := claimValue(t, r, "sub"); got != sub {
		t.Errorf("sub = %q, want %q (the context rule's)", got, sub)
	}
}

// TestEditEventNameFlipsVerdicts: e on event_name, pull_request: the
// token is edited and unsigned, sub is rebuilt by the context rule, and
// the role pinned to the main branch's sub denies it.
func TestEditEventNameFlipsVerdicts(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	if got := verdictOf(t, m.report, mainRole); got != policy.Allow {
		t.Fatalf("the demo token: %s %s, want allow", mainRole, got)
	}
	m = editClaim(t, m, "event_name", "pull_request")
	wantEdited(t, m.report, "event_name", "pull_request", "repo:octo-org/octo-repo:pull_request")
	if got := verdictOf(t, m.report, mainRole); got != policy.Deny {
		t.Errorf("%s: %s for a pull request, want deny", mainRole, got)
	}
	if got := verdictOf(t, m.whatIf.real, mainRole); got != policy.Allow {
		t.Errorf("the real token's report changed: %s", got)
	}
	status := m.statusLine()
	contains(t, status, "edited, unsigned (1 edit)")
	if strings.Contains(status, "✓ valid") {
		t.Errorf("edited claims shown as validly signed: %s", status)
	}
	header := keys(t, m, "2").paneContent(100)
	contains(t, header, "edited, unsigned")
}

// TestEditRebuildsSubOnlyFromItsParts: a claim the sub does not hold
// leaves it; the ref, which the ref context holds, changes it; sub edited
// itself is taken as typed.
func TestEditRebuildsSubOnlyFromItsParts(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = editClaim(t, m, "actor", "mallory")
	if got := claimValue(t, m.report, "sub"); got != "repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("actor edited: sub = %q", got)
	}
	m = editClaim(t, m, "ref", "refs/heads/dev")
	if got := claimValue(t, m.report, "sub"); got != "repo:octo-org/octo-repo:ref:refs/heads/dev" {
		t.Errorf("ref edited: sub = %q", got)
	}
	m = editClaim(t, m, "sub", "repo:octo-org/octo-repo:environment:prod")
	if got := claimValue(t, m.report, "sub"); got != "repo:octo-org/octo-repo:environment:prod" {
		t.Errorf("sub edited: %q", got)
	}
	if got := len(m.whatIf.edits); got != 3 {
		t.Errorf("%d edits on the stack, want 3", got)
	}
}

// TestUndoEdits: u takes back one edit at a time; the last one undone
// shows the real token's report, signed.
func TestUndoEdits(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	real := m.report
	m = editClaim(t, m, "event_name", "pull_request")
	m = editClaim(t, m, "runner_environment", "self-hosted")
	contains(t, m.statusLine(), "(2 edits)")
	m = keys(t, m, "u")
	if got := claimValue(t, m.report, "runner_environment"); got != "github-hosted" {
		t.Errorf("after u: runner_environment = %q", got)
	}
	if got := claimValue(t, m.report, "event_name"); got != "pull_request" || m.report.Unsigned != inspect.Edited {
		t.Errorf("after u: event_name = %q (%q), want the first edit kept", got, m.report.Unsigned)
	}
	m = keys(t, m, "u")
	if m.report != real || m.editing() {
		t.Fatalf("after undoing every edit the report is not the token's own")
	}
	if s := m.statusLine(); strings.Contains(s, "edited") || !strings.Contains(s, "✓ valid") {
		t.Errorf("status line after undoing every edit: %s", s)
	}
	if got := verdictOf(t, m.report, mainRole); got != policy.Allow {
		t.Errorf("%s: %s after undo, want allow", mainRole, got)
	}
	if n := keys(t, m, "u"); n.report != real {
		t.Error("u with nothing to undo changed the report")
	}
}

// TestEditBackToTheOriginal: a value edited back to the token's own
// shows its real report (signed, as first inspected), not an unsigned
// copy of it, and ends the what-if: no undo history stays hidden behind
// the real report (TestEditCountIsClaimsChanged).
func TestEditBackToTheOriginal(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	real := m.report
	m = editClaim(t, m, "event_name", "pull_request")
	m = editClaim(t, m, "event_name", "push")
	if m.report != real || m.editing() {
		t.Fatalf("edited back to push: report %q, want the token's own", m.report.Unsigned)
	}
	if got := len(m.whatIf.edits); got != 0 {
		t.Errorf("%d edits kept behind the real report, want none", got)
	}
	if m = keys(t, m, "u"); m.report != real {
		t.Errorf("u after editing back: want the real report still, got %q", m.report.Unsigned)
	}
}

// TestEditPicksKnownValues: tab walks the values GitHub issues (events,
// the sub's legacy and immutable forms); esc cancels.
func TestEditPicksKnownValues(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = pickClaim(t, m, "event_name")
	m = keys(t, m, "e")
	if !slices.Contains(m.promptChoices, "pull_request_target") || m.promptChoices[m.editPick] != "push" {
		t.Fatalf("event_name choices %v, picked %d", m.promptChoices, m.editPick)
	}
	m = keys(t, m, "tab", "tab")
	if got := m.promptIn.Value(); got != "pull_request_target" {
		t.Errorf("tab tab: %q", got)
	}
	contains(t, m.footer(), "[pull_request_target]")
	m = keys(t, m, "esc")
	if m.prompt != promptNone || m.editing() {
		t.Errorf("esc did not cancel the edit")
	}
	m = pickClaim(t, m, "sub")
	m = keys(t, m, "e")
	want := []string{"repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}
	if !slices.Equal(m.promptChoices, want) {
		t.Errorf("sub choices %v, want %v", m.promptChoices, want)
	}
	m = keys(t, m, "tab", "enter")
	if got := claimValue(t, m.report, "sub"); got != want[1] {
		t.Errorf("sub picked: %q", got)
	}
	m = pickClaim(t, m, "actor")
	if m = keys(t, m, "e"); len(m.promptChoices) != 0 {
		t.Errorf("actor has choices %v", m.promptChoices)
	}
}

func TestTypedValue(t *testing.T) {
	num := decode.Value{Kind: decode.Number, Text: "1"}
	str := decode.Value{Kind: decode.String, Text: "x"}
	tests := []struct {
		old  decode.Value
		in   string
		kind decode.Kind
	}{
		{str, "42", decode.String},
		{num, "42", decode.Number},
		{num, "true", decode.Bool},
		{num, "not json", decode.String},
	}
	for _, tt := range tests {
		if got := typedValue(tt.old, tt.in); got.Kind != tt.kind {
			t.Errorf("typedValue(%s, %q) is a %s, want %s", tt.old.Kind, tt.in, got.Kind, tt.kind)
		}
	}
}

// TestCompareShowsFlips: = shows the verdicts that flipped with the
// conditions that flip them, and the claims that differ; esc goes back.
func TestCompareShowsFlips(t *testing.T) {
	m, _ := demoModel(t, 120, 35)
	if n := keys(t, m, "="); n.pane == paneCompare || !strings.Contains(n.footer(), "nothing edited") {
		t.Errorf("= with nothing edited: pane %s, footer %q", paneNames[n.pane], n.footer())
	}
	m = editClaim(t, m, "event_name", "pull_request")
	m = keys(t, m, "=")
	if m.pane != paneCompare {
		t.Fatalf("= opened %s", paneNames[m.pane])
	}
	text := m.paneContent(m.vp.Width)
	for _, want := range []string{
		"✓ allow → ✗ deny  aws " + mainRole,
		`✓ pass → ✗ fail  StringEquals "token.actions.githubusercontent.com:sub":`,
		// ref, head_ref, base_ref and the workflow refs follow the
		// event, so the claims are stacked (real over edited).
		"event_name\n    real   \"push\"\n    edited \"pull_request\"",
		"✓ allow → ✗ deny  gcp ",
		`"repo:octo-org/octo-repo:pull_request"`,
	} {
		contains(t, text, want)
	}
	if strings.Contains(text, "nuget") {
		t.Errorf("a verdict that did not flip is listed:\n%s", text)
	}
	if n := keys(t, m, "tab"); n.pane == paneCompare {
		t.Error("tab stayed on the side-by-side")
	}
	if n := keys(t, m, "esc"); n.pane != paneClaims {
		t.Errorf("esc from the side-by-side went to %s", paneNames[n.pane])
	}
	if n := keys(t, m, "u"); n.pane != paneClaims || n.editing() {
		t.Errorf("u undoing the last edit left pane %s", paneNames[n.pane])
	}
}

// TestWhoCanAssume: w on a policy shows reach's table for the token's
// repository; esc closes it.
func TestWhoCanAssume(t *testing.T) {
	m, _ := demoModel(t, 120, 35)
	m = keys(t, m, "4")
	m.policySel = slices.IndexFunc(m.policies(), func(r policy.Result) bool { return r.Name == mainRole })
	m = keys(t, m, "w")
	if !m.reachOpen || m.reach.pending {
		t.Fatalf("w: open %v, pending %v", m.reachOpen, m.reach.pending)
	}
	text := m.paneContent(m.vp.Width)
	for _, want := range []string{"Who can assume " + mainRole, "simulated jobs of octo-org/octo-repo", "Lets in", "Keeps out", "push                 refs/heads/main"} {
		contains(t, text, want)
	}
	if len(m.reach.table.Allowed()) == 0 {
		t.Error("the main-branch role lets in no job")
	}
	for _, r := range m.reach.table.Allowed() {
		if r.Ref != "refs/heads/main" || r.Environment != "" {
			t.Errorf("the main-branch role lets in %+v", r)
		}
	}
	m = keys(t, m, "esc")
	if m.reachOpen || m.pane != panePolicies {
		t.Errorf("esc: open %v, pane %s", m.reachOpen, paneNames[m.pane])
	}
}

// TestRawPaneOffersNoEditedToken: the edited claims were never a token:
// y in the Raw pane says so rather than asking to copy one.
func TestRawPaneOffersNoEditedToken(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = editClaim(t, m, "event_name", "pull_request")
	m = keys(t, m, "5", "y")
	if m.prompt == promptCopyToken {
		t.Fatal("y offered to copy edited claims as a token")
	}
	contains(t, m.footer(), "nothing to copy")
}

// TestEditEscapesHostileValues: the edit prompt holds a hostile claim's
// value escaped, and the edited claims' screens draw no control
// character: the side-by-side shows both values escaped.
func TestEditEscapesHostileValues(t *testing.T) {
	m, _ := newTestModel(t, inspect.NewSession(demoOptions(t)), policytest.SignedDemo(t, maliciousPayload, ""), 100, 30)
	m = pickClaim(t, m, "osc52")
	m = keys(t, m, "e")
	if got := m.promptIn.Value(); got != `\x1b]52;c;ZXZpbA==\x07` {
		t.Errorf("the prompt holds %q, want the value escaped", got)
	}
	assertSafe(t, m.View(), 100, 30)
	m = keys(t, m, "ctrl+u")
	m = typeText(t, m, "bidi\u202eend\x1b[2J")
	m = keys(t, m, "enter")
	if got := claimValue(t, m.report, "osc52"); got != "bidiend[2J" {
		t.Errorf("typed format and control characters kept: %q", got)
	}
	m = pickClaim(t, m, "bidi")
	m = keys(t, m, "e", "ctrl+u")
	m = typeText(t, m, "x")
	m = keys(t, m, "enter", "=")
	text := m.View()
	assertSafe(t, text, 100, 30)
	contains(t, text, `"admin\u202etxt.exe"`)
}

// TestUnloadWhileEditing: unloading a policy inspects both the token and
// the edited claims again: the edit stays, both reports lose the policy.
func TestUnloadWhileEditing(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = editClaim(t, m, "event_name", "pull_request")
	n := len(m.report.Policies)
	m = keys(t, m, "4")
	m.policySel = slices.IndexFunc(m.policies(), func(r policy.Result) bool { return r.Name == mainRole })
	m = keys(t, m, "d")
	if !m.editing() || claimValue(t, m.report, "event_name") != "pull_request" {
		t.Fatal("unloading a policy dropped the edit")
	}
	if got, real := len(m.report.Policies), len(m.whatIf.real.Policies); got >= n || real != got {
		t.Errorf("after unloading: %d policies for the edited claims, %d for the token, want both under %d", got, real, n)
	}
	if m.whatIf.real.Unsigned != "" {
		t.Error("the token's own report became an edited one")
	}
}

// TestEditHostileValueUnchanged: e then enter on a claim whose value the
// prompt shows escaped changes nothing: the escaped text is not taken
// for a new value.
func TestEditHostileValueUnchanged(t *testing.T) {
	m, _ := newTestModel(t, inspect.NewSession(demoOptions(t)), policytest.SignedDemo(t, maliciousPayload, ""), 100, 30)
	m = pickClaim(t, m, "osc52")
	before := claimValue(t, m.report, "osc52")
	m = keys(t, m, "e", "enter")
	if m.whatIf.real != nil {
		t.Errorf("e, enter on an unchanged hostile value made an edit: osc52 = %q, was %q", claimValue(t, m.report, "osc52"), before)
	}
}

// TestSubPicksNeverHoldFormatCharacters: the sub forms offered on tab
// are built from the token's own sub and repository: a form escaping
// would change (a bidi override in a branch name) is not offered, as an
// environment from a policy is not, since a pick goes into the input
// raw.
func TestSubPicksNeverHoldFormatCharacters(t *testing.T) {
	payload := `{"iss":"https://token.actions.githubusercontent.com","sub":"repo:octo-org/octo-repo:ref:refs/heads/ma\u202ein","repository":"octo-org/octo-repo","repository_owner":"octo-org","repository_owner_id":"65","repository_id":"74","ref":"refs/heads/ma\u202ein","exp":1767229200}`
	m, _ := newTestModel(t, inspect.NewSession(demoOptions(t)), policytest.SignedDemo(t, payload, ""), 100, 30)
	m = pickClaim(t, m, "sub")
	m = keys(t, m, "e")
	for _, c := range m.promptChoices {
		if strings.ContainsRune(c, '\u202e') {
			t.Errorf("a sub form with a bidi override is offered: %q", c)
		}
	}
	m = keys(t, m, "tab")
	if strings.ContainsRune(m.promptIn.Value(), '\u202e') {
		t.Errorf("tab put a bidi override into the input: %q", m.promptIn.Value())
	}
}
