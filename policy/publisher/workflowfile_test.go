package publisher

import (
	"regexp"
	"testing"
)

// The registries' own patterns, which the string code replaced: the
// reference it must agree with.
var (
	pypiWorkflowRE     = regexp.MustCompile(`([^/]+\.(yml|yaml))@`)
	cratesioWorkflowRE = regexp.MustCompile(`([^/]+\.(yml|yaml))(@.+)`)
	rubygemsWorkflowRE = regexp.MustCompile(`\A([^/]+)/([^/]+)/\.github/workflows/([^@]+)@`)
)

var workflowRefSeeds = []string{
	"", "@", "a.yml@", ".yml@x", "a.yml@", "a.yaml@b", "x/.yml@", "o/r/.github/workflows/ci.yml@refs/heads/main",
	"o/r/.github/workflows/release.yaml@refs/tags/v1", "o/r/.github/workflows/a.yml@b.yml@c", "a.yml@/b.yml@c",
	"o/r/.github/workflows/@main", "/r/.github/workflows/a.yml@x", "o//.github/workflows/a.yml@x",
	"o/r/.github/workflows/a.yml", "a.yml@\n", "a.yml@\nx", "a.yml@b\n", "a.yml@/", "x.yml@y.yaml@", "a.ymlx@b.yml@",
	"a.yml@@", "@a.yml@", "\xff.yml@\xfe", "é.yaml@ü", "o/r/.github/workflows/dir/a.yml@x", "o/r/.github/workflows/a\n@x",
	"o/r/.github/workflows/a.yml@x@y", "a.yml.yml@", "a.yaml.yml@x/b.yml@y", ".yaml@", "a.yam@l", "o/r/.github/workflowsx/a@b",
}

func checkWorkflowRef(t *testing.T, ref string) {
	t.Helper()
	want, wantOK := "", false
	if m := pypiWorkflowRE.FindStringSubmatch(ref); m != nil {
		want, wantOK = m[1], true
	}
	if got, ok := PyPIWorkflowFile(ref); got != want || ok != wantOK {
		t.Errorf("PyPIWorkflowFile(%q) = %q, %v; the pattern gives %q, %v", ref, got, ok, want, wantOK)
	}
	want, wantOK = "", false
	if m := cratesioWorkflowRE.FindStringSubmatch(ref); m != nil {
		want, wantOK = m[1], true
	}
	if got, ok := CratesIOWorkflowFile(ref); got != want || ok != wantOK {
		t.Errorf("CratesIOWorkflowFile(%q) = %q, %v; the pattern gives %q, %v", ref, got, ok, want, wantOK)
	}
	var wantPath WorkflowPath
	wantOK = false
	if m := rubygemsWorkflowRE.FindStringSubmatchIndex(ref); m != nil {
		wantPath, wantOK = WorkflowPath{Owner: ref[m[2]:m[3]], Name: ref[m[4]:m[5]], File: ref[m[6]:m[7]], Ref: ref[m[1]:]}, true
	}
	if got, ok := RubyGemsWorkflowPath(ref); got != wantPath || ok != wantOK {
		t.Errorf("RubyGemsWorkflowPath(%q) = %+v, %v; the pattern gives %+v, %v", ref, got, ok, wantPath, wantOK)
	}
}

// TestWorkflowFileMatchesPatterns: the string code finds what the
// registries' regular expressions find, on the edge cases of each.
func TestWorkflowFileMatchesPatterns(t *testing.T) {
	for _, ref := range workflowRefSeeds {
		checkWorkflowRef(t, ref)
	}
}

func FuzzWorkflowFileMatchesPatterns(f *testing.F) {
	for _, ref := range workflowRefSeeds {
		f.Add(ref)
	}
	f.Fuzz(checkWorkflowRef)
}
