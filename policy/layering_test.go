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

// TestRenderersReachCELOnlyThroughInspect walks the import graph of report
// and ui without entering inspect: nothing else they import may bring
// cel-go. inspect still imports policyset (Options.Policies, All() as the
// default providers, Session.WithPolicyFiles); once it no longer does,
// drop the exemption and the renderers are cel-go-free.
func TestRenderersReachCELOnlyThroughInspect(t *testing.T) {
	const module = "github.com/oidcscope/oidcscope/"
	exempt := map[string]bool{module + "inspect": true}
	imports := map[string][]string{}
	var roots []string
	for _, line := range goList(t, "-e", "-deps", "-f", "{{.ImportPath}}|{{.DepOnly}}|{{join .Imports \",\"}}",
		module+"report/...", module+"ui/...") {
		fields := strings.SplitN(line, "|", 3)
		if len(fields) != 3 {
			t.Fatalf("go list line %q", line)
		}
		if fields[2] != "" {
			imports[fields[0]] = strings.Split(fields[2], ",")
		}
		if fields[1] == "false" {
			roots = append(roots, fields[0])
		}
	}
	if len(roots) == 0 {
		t.Fatal("go list named no report or ui package")
	}
	from := map[string]string{}
	queue := roots
	for _, r := range roots {
		from[r] = ""
	}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		if strings.HasPrefix(pkg, "cel.dev/") {
			path := pkg
			for p := from[pkg]; p != ""; p = from[p] {
				path = p + " → " + path
			}
			t.Fatalf("a renderer reaches cel-go without inspect: %s", path)
		}
		for _, imp := range imports[pkg] {
			if _, seen := from[imp]; seen || exempt[imp] {
				continue
			}
			from[imp] = pkg
			queue = append(queue, imp)
		}
	}
}
