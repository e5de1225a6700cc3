package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
)

// TestExportKeys: x copies the report as Markdown with the signature
// redacted, X with the numeric IDs redacted too; neither copy holds the
// token's signature, and the work runs as a command.
func TestExportKeys(t *testing.T) {
	tok := staticToken(t, "push-main")
	sig := string(tok[strings.LastIndexByte(string(tok), '.')+1:])
	s := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	m, clip := newTestModel(t, s, tok, 100, 30)

	next, cmd := m.Update(teakey.Msg("x"))
	if cmd == nil || clip.Len() != 0 {
		t.Fatal("x copied inside Update instead of in a command")
	}
	m = run(t, next.(Model), cmd)
	md := clipboard(t, clip)
	for _, want := range []string{"## oidcscope", "| Verdict | Provider | Policy | Source |", "`repository_id`"} {
		if !strings.Contains(md, want) {
			t.Errorf("x: the Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, sig) {
		t.Error("x: the copied report holds the signature")
	}
	if !strings.Contains(m.View(), "signature redacted, Markdown") {
		t.Error("x: no confirmation on screen")
	}

	clip.Reset()
	m = keys(t, m, "X")
	md = clipboard(t, clip)
	if strings.Contains(md, sig) || strings.Contains(md, "@74") || !strings.Contains(md, "<repository_id>") {
		t.Error("X: IDs or the signature are still in the copied report")
	}
}
