package policy

import (
	"os/exec"
	"strings"
	"testing"
)

// goList runs `go list` in this module; the test is skipped where the go
// command is not available (a test binary copied elsewhere).
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command(goCmd, append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}

// TestCoreImportsNoProviderAndNoCEL: the core is what renderers import
// for provider names and result order (SortResults), so it must not pull
// the providers, or cel-go with them.
func TestCoreImportsNoProviderAndNoCEL(t *testing.T) {
	for _, dep := range goList(t, "-deps", ".") {
		if strings.HasPrefix(dep, "cel.dev/") || strings.HasPrefix(dep, "github.com/oidcscope/oidcscope/policy/") {
			t.Errorf("the policy core depends on %s", dep)
		}
	}
}

// TestRenderersDoNotImportPolicyset: report and ui sort with the core's
// SortResults; importing policyset would bring every provider and cel-go.
func TestRenderersDoNotImportPolicyset(t *testing.T) {
	const set = "github.com/oidcscope/oidcscope/policy/policyset"
	for _, line := range goList(t, "-e", "-f", "{{.ImportPath}}:{{join .Imports \",\"}}",
		"github.com/oidcscope/oidcscope/report/...", "github.com/oidcscope/oidcscope/ui/...") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Split(imports, ",") {
			if imp == set {
				t.Errorf("%s imports %s", pkg, set)
			}
		}
	}
}

// TestRenderersDoNotReachCEL: report and ui, and everything they import
// (inspect for the Report type included), must not bring cel-go; inspect
// takes its policies and providers from the command layer.
func TestRenderersDoNotReachCEL(t *testing.T) {
	const module = "github.com/oidcscope/oidcscope/"
	for _, dep := range goList(t, "-e", "-deps", module+"report/...", module+"ui/...") {
		if strings.HasPrefix(dep, "cel.dev/") {
			t.Errorf("a renderer depends on %s", dep)
		}
	}
}
