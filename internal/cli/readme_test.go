package cli

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/fixtures"
)

// readmeSection is the README's "## heading" section, up to the next
// one.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## "+heading)
	if !ok {
		t.Fatalf("README has no section %q", heading)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	return section
}

// TestREADMEFlagsOfInspect: the README's table of inspect's flags names
// exactly the flags inspect has.
func TestREADMEFlagsOfInspect(t *testing.T) {
	section := readmeSection(t, "Flags of `inspect`")
	var documented []string
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `--") {
			continue
		}
		first, _, _ := strings.Cut(line[1:], " |")
		for _, m := range regexp.MustCompile("--([a-z-]+)").FindAllStringSubmatch(first, -1) {
			documented = append(documented, m[1])
		}
	}
	root := NewRootCommand(strings.NewReader(""), os.Stdout, os.Stderr, func(string) string { return "" })
	inspectCmd, _, _ := root.Find([]string{"inspect"})
	var have []string
	inspectCmd.Flags().VisitAll(func(f *pflag.Flag) { have = append(have, f.Name) })
	slices.Sort(documented)
	slices.Sort(have)
	if !slices.Equal(slices.Compact(documented), have) {
		t.Errorf("README documents %q\ninspect has %q", documented, have)
	}
}

// TestREADMEDemoSets: the README's list of --demo-set names is the claim
// sets there are, as --help and the error for an unknown one list them.
func TestREADMEDemoSets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(readme), "`--demo-set NAME` picks another claim set:")
	if !ok {
		t.Fatal("README no longer lists the --demo-set names after \"`--demo-set NAME` picks another claim set:\"")
	}
	list, _, _ = strings.Cut(list, ".\n")
	var documented []string
	for _, m := range regexp.MustCompile("`([a-z0-9-]+)`").FindAllStringSubmatch(list, -1) {
		documented = append(documented, m[1])
	}
	if have := fixtures.Names(); !slices.Equal(documented, have) {
		t.Errorf("README lists the demo sets %q\n--demo-set takes %q", documented, have)
	}
}
