package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
)

// TestTUIUnderTmux runs the program in a real terminal: tmux. It opens
// the demo at 100×30, copies a value under tmux's default settings and a
// condition under set-clipboard on (reading tmux's buffer), pastes a token
// with a bracketed paste on the paste screen (checked as without --demo),
// pastes again after n into an empty box, resizes to 80×24, selects
// check_run_id and quits with q, reading the screen with capture-pane at
// each step. CI installs tmux (OIDCSCOPE_REQUIRE_TMUX=1 turns a missing
// tmux into a failure).
func TestTUIUnderTmux(t *testing.T) {
	status := filepath.Join(t.TempDir(), "status")
	// The pane's shell writes the exit status where the test can read it.
	tm := startDemo(t, "oidcscope-e2e", 100, 30, "; echo $? > "+status)

	// The sample policies come a moment after the first frame.
	screen := tm.waitFor("policies ✓", "the demo inspector with its sample policies")
	for _, want := range []string{"oidcscope · demo", "✓ valid", "[1 Claims]", "check_run_id"} {
		if !strings.Contains(screen, want) {
			t.Errorf("demo screen lacks %q:\n%s", want, screen)
		}
	}
	assertFits(t, screen, 100, 30)

	// Copying: into tmux's buffer under tmux's defaults (set-clipboard
	// external, allow-passthrough off), and under set-clipboard on.
	tm.keys("/")
	tm.literal("check_run_id")
	tm.keys("Enter", "y")
	tm.waitFor("copied check_run_id (11 bytes) into tmux's paste buffer", "the copy of check_run_id")
	if got := tm.cmd("show-buffer"); got != "61532875419" {
		t.Errorf("y under tmux's defaults: tmux's buffer holds %q", got)
	}
	tm.cmd("set-option", "-g", "set-clipboard", "on")
	tm.keys("/")
	tm.literal("repository_id")
	tm.keys("Enter", "Y")
	tm.waitFor("copied the AWS condition", "the copy of a condition")
	if got := tm.cmd("show-buffer"); got != `"token.actions.githubusercontent.com:repository_id": "74"` {
		t.Errorf("Y under set-clipboard on: tmux's buffer holds %q", got)
	}

	// n: the paste screen; a bracketed paste of a token wrapped in a header.
	tm.keys("n")
	tm.waitFor("waiting for a token", "the paste screen")
	tok, err := os.ReadFile(filepath.Join("fixtures", fixtures.StaticDir, "environment-prod.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	tm.cmd("set-buffer", "-b", "tok", "Authorization: Bearer "+strings.TrimSpace(string(tok)))
	tm.cmd("paste-buffer", "-p", "-b", "tok", "-t", "e2e")
	screen = tm.waitFor("JWS, 3 segments", "the paste preview")
	if !strings.Contains(screen, "removed: authorization-header, bearer-prefix") {
		t.Errorf("the paste screen does not say what was removed:\n%s", screen)
	}
	tm.keys("Enter")
	screen = tm.waitFor("environment", "the pasted token inspected")
	// Checked as without --demo (no demo keys, so unverified offline),
	// and no longer titled demo.
	if status := strings.SplitN(screen, "\n", 2)[0]; strings.HasPrefix(status, "oidcscope · demo") || !strings.Contains(status, "? unverified") {
		t.Errorf("a token pasted after the demo: %s", status)
	}

	// n again: an empty box, so a second paste is a token of its own.
	tm.keys("n")
	tm.waitFor("waiting for a token", "an empty paste screen")
	tm.cmd("paste-buffer", "-p", "-b", "tok", "-t", "e2e")
	screen = tm.waitFor("JWS, 3 segments", "the second paste's preview")
	if strings.Contains(screen, "JWE") {
		t.Errorf("the second paste was appended to the first:\n%s", screen)
	}
	tm.keys("Enter")
	tm.waitFor("environment", "the second pasted token inspected")

	// Resize: the layout follows.
	tm.cmd("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	time.Sleep(300 * time.Millisecond)
	tm.keys("/")
	tm.literal("check_run_id")
	tm.keys("Enter")
	screen = tm.waitFor("▸ check_run_id", "check_run_id selected")
	assertFits(t, screen, 80, 24)
	tm.keys("Enter")
	screen = tm.waitFor("one exact job", "the check_run_id detail")
	if !strings.Contains(screen, "NEW") {
		t.Errorf("check_run_id is not marked NEW:\n%s", screen)
	}
	assertFits(t, screen, 80, 24)

	tm.keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(status)
		if err == nil && len(bytes.TrimSpace(b)) > 0 {
			if got := strings.TrimSpace(string(b)); got != "0" {
				t.Fatalf("exit status %s, want 0", got)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit; screen:\n%s", tm.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTUIProviderErrorsUnderTmux pastes what people arrive with: a
// provider's error message and no token, then a job log. In the demo at
// 120×40, n, a bracketed paste of Entra's AADSTS700213 quoting the
// subject of the demo's Entra credential: the paste screen names the
// error, and enter shows the credential it fits; p loads the environment
// credentials, which it differs from. Then n and a GitHub job log excerpt
// (timestamps, ANSI colours) holding a token and AWS's refusal: the
// report opens on the error, its roles behind it listed.
func TestTUIProviderErrorsUnderTmux(t *testing.T) {
	tm := startDemo(t, "oidcscope-e2e-errors", 120, 40, "")
	tm.waitFor("check_run_id", "the demo inspector")

	tm.keys("n")
	tm.waitFor("waiting for a token", "the paste screen")
	tm.cmd("set-buffer", "-b", "err", "Error: AADSTS700213: No matching federated identity record found for presented assertion subject "+
		"'repo:octo-org/octo-repo:ref:refs/heads/main'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.")
	tm.cmd("paste-buffer", "-p", "-b", "err", "-t", "e2e")
	screen := tm.waitFor("! AADSTS700213 · Entra", "the error named on the paste screen")
	if strings.Contains(screen, "no token found") {
		t.Errorf("the paste screen says no token found for a provider's error:\n%s", screen)
	}
	tm.keys("Enter")
	tm.waitFor("✗ no token", "the error explained")
	text := tm.scrolled("Problems")
	for _, want := range []string{"✓ fits      entra    octo-repo-main-sts-audience", "Paste next", "the token the job presented"} {
		if !strings.Contains(text, want) {
			t.Errorf("the explained error lacks %q:\n%s", want, text)
		}
	}
	assertFits(t, tm.capture(), 120, 40)

	// The other credentials: one differs, named with its first difference.
	tm.keys("p")
	tm.literal(filepath.Join("fixtures", "policies", "entra", "graph-list-environment-prod.json"))
	tm.keys("Enter")
	tm.waitFor("loaded fixtures", "the credentials loaded")
	tm.keys("g")
	text = tm.scrolled("Problems")
	for _, want := range []string{"✓ fits      entra    octo-repo-main-sts-audience", "✗ differs   entra    octo-repo-env-prod", `expects "subject": "repo:octo-org/octo-repo:environment:prod"`} {
		if !strings.Contains(text, want) {
			t.Errorf("with the environment credentials, the explained error lacks %q:\n%s", want, text)
		}
	}

	// A job log excerpt: the token a debugging step printed, and AWS's
	// refusal, in colour.
	tok, err := os.ReadFile(filepath.Join("fixtures", fixtures.StaticDir, "push-main.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	tm.keys("n")
	tm.waitFor("waiting for a token", "the paste screen again")
	tm.cmd("set-buffer", "-b", "log", "2026-01-01T00:00:01.1234567Z \x1b[36;1mRun aws-actions/configure-aws-credentials@v4\x1b[0m\n"+
		"2026-01-01T00:00:02.1234567Z token: "+strings.TrimSpace(string(tok))+"\n"+
		"2026-01-01T00:00:03.1234567Z \x1b[31;1mError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\x1b[0m\n")
	tm.cmd("paste-buffer", "-p", "-b", "log", "-t", "e2e")
	screen = tm.waitFor("! AccessDenied · AWS", "the log's error on the paste screen")
	if !strings.Contains(screen, "JWS, 3 segments") {
		t.Errorf("the log's token is not found:\n%s", screen)
	}
	tm.keys("Enter")
	screen = tm.waitFor("[! Errors (1)]", "the report opening on the error")
	if status := strings.SplitN(screen, "\n", 2)[0]; !strings.Contains(status, "✗ AccessDenied · AWS") {
		t.Errorf("the status line does not lead with the error: %s", status)
	}
	text = tm.scrolled("The policies behind it")
	if !strings.Contains(text, "✗ deny") {
		t.Errorf("no denied role behind the error:\n%s", text)
	}
	// The paste's line breaks arrive as carriage returns: the error is
	// still on its own line, quoted without the token above it.
	if !strings.Contains(text, "line 3: ") || strings.Contains(text, "token: eyJ") {
		t.Errorf("the error is not quoted from its own line:\n%s", text)
	}
	assertFits(t, tm.capture(), 120, 40)
	tm.keys("q")
}

// TestTUIWhatIfUnderTmux is the what-if as a user does it (issue 19): in
// the demo at 100×30, e on event_name, the value replaced with
// pull_request: the token becomes edited and unsigned, its sub is rebuilt
// and the role trusting the main branch's sub flips from allow to deny,
// which the side-by-side (=) shows with the condition that flips. u takes
// the edit back: the signed token again. Then w on a policy: who can
// assume it. Then a adds environment prod, which the demo's push lacks:
// the role pinned to environment prod flips to allow. Last, n and the
// pull-request token: = compares the demo token with it.
func TestTUIWhatIfUnderTmux(t *testing.T) {
	tm := startDemo(t, "oidcscope-e2e-whatif", 100, 30, "")
	// The sample policies come a moment after the first frame.
	screen := tm.waitFor("policies ✓", "the demo inspector with its sample policies")
	if !strings.Contains(screen, "policies ✓8 ✗10") {
		t.Errorf("the demo's verdicts changed; the flips below assume ✓8 ✗10:\n%s", screen)
	}

	tm.keys("/")
	tm.literal("event_name")
	tm.keys("Enter", "e")
	tm.waitFor("edit event_name: push", "the edit prompt")
	tm.keys("C-u")
	tm.literal("pull_request")
	tm.keys("Enter")
	screen = tm.waitFor("edited, unsigned (1 edit)", "the edited token")
	status := strings.SplitN(screen, "\n", 2)[0]
	// ref, head_ref and base_ref follow the event, so the policies pinned
	// to main (AWS, Entra, Google Cloud, Vault, octo-sts, Kubernetes) deny.
	if !strings.Contains(status, "policies ✓2 ✗16") || strings.Contains(status, "✓ valid") {
		t.Errorf("after event_name → pull_request the status line reads: %s", status)
	}
	assertFits(t, screen, 100, 30)

	tm.keys("=")
	screen = tm.waitFor("Real vs edited", "the side-by-side")
	for _, want := range []string{
		"✓ allow → ✗ deny  aws arn:aws:iam::111122223333:role/gha-legacy-deploy-main",
		`StringEquals "token.actions.githubusercontent.com:sub":`,
		"Claims that differ (8)", `real   "push"`,
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the side-by-side lacks %q:\n%s", want, screen)
		}
	}
	assertFits(t, screen, 100, 30)

	tm.keys("u")
	screen = tm.waitFor("undone: the token's own claims", "the edit undone")
	if status := strings.SplitN(screen, "\n", 2)[0]; strings.Contains(status, "edited") || !strings.Contains(status, "✓ valid") || !strings.Contains(status, "policies ✓8 ✗10") {
		t.Errorf("after u the status line reads: %s", status)
	}

	tm.keys("4", "w")
	screen = tm.waitFor("simulated jobs of octo-org/octo-repo", "who can assume the first policy")
	if !strings.Contains(screen, "Who can assume") || !strings.Contains(screen, "Lets in") {
		t.Errorf("the who-can-assume view:\n%s", screen)
	}
	assertFits(t, screen, 100, 30)

	// a: a claim the token lacks, environment offered first and prod
	// (which a sample policy names) its value: the role pinned to
	// environment prod lets the job in, the main branch's role not.
	tm.keys("esc", "1", "a")
	tm.waitFor("add claim: environment", "the add prompt")
	tm.keys("Enter")
	tm.waitFor("add environment: prod", "the environment's value")
	tm.keys("Enter")
	screen = tm.waitFor("edited, unsigned (1 edit)", "the added environment")
	if status := strings.SplitN(screen, "\n", 2)[0]; !strings.Contains(status, "policies ✓6 ✗12") {
		t.Errorf("after adding environment prod the status line reads: %s", status)
	}
	tm.keys("=")
	screen = tm.waitFor("Real vs edited", "the side-by-side of the added environment")
	for _, want := range []string{
		"✗ deny → ✓ allow  aws fixtures/policies/aws/trust-environment-prod.json",
		"✓ allow → ✗ deny  aws arn:aws:iam::111122223333:role/gha-legacy-deploy-main",
		`edited "repo:octo-org/octo-repo:environment:prod"`,
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the side-by-side lacks %q:\n%s", want, screen)
		}
	}
	tm.keys("u")
	tm.waitFor("undone: the token's own claims", "the added environment undone")

	// Works on main, fails on the PR: n, the pull-request token (signed
	// by the demo key), = compares the previous token with it.
	pr, err := os.ReadFile(filepath.Join("fixtures", fixtures.StaticDir, "pull-request.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	tm.keys("n")
	tm.waitFor("waiting for a token", "the paste screen")
	tm.cmd("set-buffer", "-b", "pr", strings.TrimSpace(string(pr)))
	tm.cmd("paste-buffer", "-p", "-b", "pr", "-t", "e2e")
	tm.waitFor("JWS, 3 segments", "the pull-request token's preview")
	tm.keys("Enter")
	tm.waitFor("pull_request", "the pull-request token inspected")
	tm.keys("=")
	screen = tm.waitFor("Previous vs this token", "the two tokens side by side")
	if !strings.Contains(screen, "✓ allow → ✗ deny  aws arn:aws:iam::111122223333:role/gha-legacy-deploy-main") {
		t.Errorf("the tokens' side-by-side lacks the main branch's role flipping:\n%s", screen)
	}
	assertFits(t, screen, 100, 30)
	tm.keys("q")
}
