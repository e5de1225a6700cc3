package ui

import (
	"strings"
	"testing"
)

// TestEditCountIsClaimsChanged: the what-if's "(N edits)" counts the
// claims that differ from the token's own, not the steps taken; once the
// edits come back to the token's own claims, the real report shows with
// no undo history behind it, so the next edit is the only one.
func TestEditCountIsClaimsChanged(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	real := m.report

	// Added, deleted (the token's own claims again), then actor deleted.
	m = addClaim(t, m, "environment", "prod")
	contains(t, m.statusLine(), "(1 edit)")
	m = keys(t, pickClaim(t, m, "environment"), "delete")
	if m.report != real || m.editing() || len(m.whatIf.edits) != 0 {
		t.Fatalf("environment added and deleted: want the real report and no edits kept (editing %v, %d edits)", m.editing(), len(m.whatIf.edits))
	}
	m = keys(t, pickClaim(t, m, "actor"), "delete")
	if s := m.statusLine(); !strings.Contains(s, "(1 edit)") {
		t.Errorf("only actor differs: status line %s", s)
	}
	m = keys(t, m, "u")
	if m.report != real || m.editing() {
		t.Fatalf("u after the one edit: want the real report")
	}
	if n := keys(t, m, "u"); hasClaim(n.report, "environment") || n.report != real {
		t.Error("a second u brought back an edit the screen no longer showed")
	}

	// The same claim edited twice is one edit; u takes back a step and
	// says how many claims still differ.
	m = editClaim(t, m, "event_name", "pull_request")
	m = editClaim(t, m, "event_name", "workflow_dispatch")
	contains(t, m.statusLine(), "(1 edit)")
	m = editClaim(t, m, "runner_environment", "self-hosted")
	contains(t, m.statusLine(), "(2 edits)")
	m = keys(t, m, "u")
	if m.flash != "undone: 1 edit left" {
		t.Errorf("u: status %q, want %q", m.flash, "undone: 1 edit left")
	}
	contains(t, m.statusLine(), "(1 edit)")
}
