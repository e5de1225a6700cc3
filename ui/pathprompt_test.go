package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestPolicyPromptPaths: p takes ~ for the home folder and completes
// paths with Tab, as a shell does (issue 16, item 11).
func TestPolicyPromptPaths(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	doc := repoFile(t, "fixtures/policies/aws/trust-environment-prod.json")
	if err := os.MkdirAll(filepath.Join(home, "policies", "aws"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"trust-environment-prod.json", "trust-environment-stage.json"} {
		if err := os.WriteFile(filepath.Join(home, "policies", "aws", name), doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tok := demoToken(t)
	open := func() Model {
		m, _ := newTestModel(t, inspect.NewSession(demoOptions(t)), tok, 100, 30)
		return keys(t, m, "p")
	}

	// ~ is the home folder.
	m := open()
	m = typeText(t, m, "~/policies/aws/trust-environment-prod.json")
	m = keys(t, m, "enter")
	if len(m.report.Policies) != 1 || m.report.Policies[0].Error != "" {
		t.Fatalf("p ~/…: policies %+v, flash %q", m.report.Policies, m.flash)
	}

	// Tab completes a folder, then the common part of two names, which it
	// lists, then the one name left.
	m = open()
	m = typeText(t, m, "~/pol")
	m = keys(t, m, "tab")
	if got := m.promptIn.Value(); got != "~/policies/" {
		t.Errorf("tab after ~/pol: %q", got)
	}
	m = typeText(t, m, "a")
	m = keys(t, m, "tab")
	m = typeText(t, m, "trust")
	m = keys(t, m, "tab")
	if got := m.promptIn.Value(); got != "~/policies/aws/trust-environment-" {
		t.Errorf("tab after ~/policies/aws/trust: %q", got)
	}
	if v := m.View(); !strings.Contains(v, "trust-environment-prod.json") || !strings.Contains(v, "trust-environment-stage.json") {
		t.Errorf("two choices are not listed:\n%s", v)
	}
	if v := m.View(); !strings.Contains(lastLine(v), "policy file: ") || strings.Count(v, "\n") >= 30 {
		t.Errorf("with the choices listed, the prompt is not the last of 30 lines:\n%s", v)
	}
	m = typeText(t, m, "s")
	m = keys(t, m, "tab")
	if got := m.promptIn.Value(); got != "~/policies/aws/trust-environment-stage.json" {
		t.Errorf("tab after …-s: %q", got)
	}
	if m.prompt != promptPolicy {
		t.Fatal("tab closed the prompt")
	}
	m = keys(t, m, "enter")
	if len(m.report.Policies) != 1 || m.report.Policies[0].Error != "" {
		t.Fatalf("after completing: policies %+v, flash %q", m.report.Policies, m.flash)
	}
}
