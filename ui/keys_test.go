package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
)

func demoModel(t *testing.T, w, h int) (Model, []byte) {
	t.Helper()
	tok := demoToken(t)
	s := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	m, _ := newTestModel(t, s, tok, w, h)
	if m.report == nil {
		t.Fatal("no report after Init")
	}
	return m, tok
}

func TestMovementKeys(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	n := len(m.report.Claims)
	cases := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1},
		{[]string{"down", "down"}, 2},
		{[]string{"j", "j", "k"}, 1},
		{[]string{"j", "up"}, 0},
		{[]string{"k"}, 0}, // stays in the list
		{[]string{"G"}, n - 1},
		{[]string{"G", "g"}, 0},
		{[]string{"pgdown"}, min(m.bodyHeight()-1, n-1)},
		{[]string{"pgdown", "pgup"}, 0},
	}
	for _, tc := range cases {
		got := keys(t, m, tc.keys...).claimSel
		if got != tc.want {
			t.Errorf("%v: selection %d, want %d", tc.keys, got, tc.want)
		}
	}
	// The mouse wheel moves too.
	got := send(t, m, tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown}).claimSel
	if got != 1 {
		t.Errorf("wheel down: selection %d, want 1", got)
	}
}

func TestPaneKeys(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	cases := []struct {
		keys []string
		want pane
	}{
		{[]string{"tab"}, paneDetail},
		{[]string{"tab", "tab"}, paneHeader},
		{[]string{"shift+tab"}, paneRaw},
		{[]string{"tab", "tab", "tab", "tab", "tab", "tab"}, paneClaims},
		{[]string{"2"}, paneHeader},
		{[]string{"3"}, paneSignature},
		{[]string{"4"}, panePolicies},
		{[]string{"5"}, paneRaw},
		{[]string{"5", "1"}, paneClaims},
		{[]string{"enter"}, paneDetail},
		{[]string{"enter", "esc"}, paneClaims},
	}
	for _, tc := range cases {
		if got := keys(t, m, tc.keys...).pane; got != tc.want {
			t.Errorf("%v: pane %s, want %s", tc.keys, paneNames[got], paneNames[tc.want])
		}
	}
	// Each view shows its own content.
	views := map[string]string{"2": "Header", "3": "Checks", "4": "allow", "5": "Payload"}
	for k, want := range views {
		contains(t, keys(t, m, k).View(), want)
	}
}

func TestPoliciesOpenAndBack(t *testing.T) {
	m, _ := demoModel(t, 120, 40)
	m = keys(t, m, "4")
	contains(t, m.View(), "✗ deny")
	// Denied policies come after the allowed ones: go to the last one.
	m = keys(t, m, "G", "enter")
	if !m.policyOpen {
		t.Fatal("enter does not open the policy")
	}
	v := m.View()
	contains(t, v, "esc back")
	contains(t, v, "token aud:") // the last denied sample, a publisher, fails on aud first
	m = keys(t, m, "esc")
	if m.policyOpen || m.pane != panePolicies {
		t.Error("esc does not close the policy")
	}
}

func TestFilterKey(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = keys(t, m, "/")
	if !m.filtering {
		t.Fatal("/ does not start filtering")
	}
	m = typeText(t, m, "check")
	if vis := m.visibleClaims(); len(vis) != 1 || m.report.Claims[vis[0]].Name != "check_run_id" {
		t.Fatalf("filter check: %v", vis)
	}
	m = keys(t, m, "enter")
	if m.filtering || m.filter.Value() != "check" {
		t.Error("enter ends typing and keeps the filter")
	}
	// q is a letter while filtering, a quit key after; / starts afresh.
	m2 := keys(t, m, "/")
	m2 = typeText(t, m2, "q")
	if m2.filter.Value() != "q" {
		t.Errorf("typed q went to %q", m2.filter.Value())
	}
	m = keys(t, m, "esc")
	if m.filter.Value() != "" || len(m.visibleClaims()) != len(m.report.Claims) {
		t.Error("esc clears the filter")
	}
}

func TestCopyKeys(t *testing.T) {
	tok := demoToken(t)
	m, clip := newTestModel(t, inspect.NewSession(demoOptions(t)), tok, 100, 30)
	m = selectClaim(t, m, "check_run_id")
	m = keys(t, m, "y")
	if got := clipboard(t, clip); got != "61532875419" {
		t.Errorf("y copied %q", got)
	}
	contains(t, m.View(), "sent check_run_id")

	// Y copies the ▸ condition; ] moves to the next.
	m = selectClaim(t, m, "repository_id")
	c := m.selectedClaim()
	if len(c.WouldSatisfy) < 2 {
		t.Fatalf("repository_id satisfies %d conditions", len(c.WouldSatisfy))
	}
	m = keys(t, m, "Y")
	if got := clipboard(t, clip); got != c.WouldSatisfy[0].Text {
		t.Errorf("Y copied %q, want %q", got, c.WouldSatisfy[0].Text)
	}
	m = keys(t, m, "]", "Y")
	if got := clipboard(t, clip); got != c.WouldSatisfy[1].Text {
		t.Errorf("] Y copied %q, want %q", got, c.WouldSatisfy[1].Text)
	}
	m = keys(t, m, "[", "[", "Y")
	if got := clipboard(t, clip); got != c.WouldSatisfy[0].Text {
		t.Errorf("[ [ Y copied %q, want the first", got)
	}

	// A non-string value is copied as JSON.
	m = selectClaim(t, m, "exp")
	m = keys(t, m, "y")
	if got := clipboard(t, clip); strings.Trim(got, "0123456789") != "" {
		t.Errorf("exp copied as %q", got)
	}

	// The whole token only after a yes.
	before := clip.Len()
	m = keys(t, m, "5", "y")
	if clip.Len() != before || m.prompt != promptCopyToken {
		t.Fatal("y in Raw must ask before copying the token")
	}
	contains(t, m.View(), "It is a credential")
	m = keys(t, m, "n")
	if clip.Len() != before {
		t.Error("n still copied the token")
	}
	m = keys(t, m, "y", "y")
	if got := clipboard(t, clip); got != string(tok) {
		t.Error("y y did not copy the token")
	}
}

func TestLoadPolicyKey(t *testing.T) {
	m := plainDemo(t, 100, 30)
	m = keys(t, m, "p")
	if m.prompt != promptPolicy {
		t.Fatal("p does not ask for a policy file")
	}
	m = typeText(t, m, filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	m = keys(t, m, "enter")
	if len(m.report.Policies) != 1 || m.report.Policies[0].Verdict != "deny" {
		t.Fatalf("after p: policies %+v", m.report.Policies)
	}
	if m.pane != panePolicies {
		t.Error("a loaded policy shows the Policies view")
	}
	// The sub claim now shows the failing condition with its diagnosis.
	m = keys(t, m, "1")
	m = selectClaim(t, m, "sub")
	contains(t, m.paneContent(80), "environment form")

	// A missing file is an error policy and a message, not a crash.
	m = keys(t, m, "p")
	m = typeText(t, m, "no-such-policy.json")
	m = keys(t, m, "enter")
	contains(t, m.View(), "could not load no-such-policy.json")

	// esc cancels the prompt.
	m = keys(t, m, "p", "esc")
	if m.prompt != promptNone {
		t.Error("esc leaves the prompt open")
	}
}

func TestNewTokenRefetchHelpQuit(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	if got := keys(t, m, "n"); got.screen != screenPaste {
		t.Error("n does not open the paste screen")
	}
	if got := keys(t, m, "n", "esc"); got.screen != screenInspector {
		t.Error("esc on the paste screen does not go back to the token")
	}
	// r runs the full inspection again.
	next, cmd := m.Update(teakey.Msg("r"))
	if !next.(Model).fetching || cmd == nil {
		t.Error("r does not fetch again")
	}
	if got := run(t, next.(Model), cmd); got.fetching {
		t.Error("still fetching after the report came back")
	}
	h := keys(t, m, "?")
	if !h.showHelp || !strings.Contains(h.View(), "re-fetch keys") {
		t.Errorf("? does not show the full help:\n%s", h.View())
	}
	if keys(t, h, "?").showHelp {
		t.Error("? again closes the help")
	}
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(teakey.Msg(k))
		if cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not quit", k)
		}
	}
}
