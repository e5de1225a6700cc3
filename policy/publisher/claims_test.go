package publisher

import "testing"

// workflowRefs are the rows of warehouse's test_extract_workflow_filename
// (tests/unit/oidc/models/test_github.py), which crates.io's
// test_extract_workflow_filename (crates/crates_io_trustpub/src/github/
// workflows.rs) repeats: both registries extract the same names.
var workflowRefs = []struct{ ref, want string }{
	{"foo/bar/.github/workflows/basic.yml@refs/heads/main", "basic.yml"},
	{"foo/bar/.github/workflows/basic.yaml@refs/heads/main", "basic.yaml"},
	{"foo/bar/.github/workflows/has-dash.yml@refs/heads/main", "has-dash.yml"},
	{"foo/bar/.github/workflows/has--dashes.yml@refs/heads/main", "has--dashes.yml"},
	{"foo/bar/.github/workflows/has--dashes-.yml@refs/heads/main", "has--dashes-.yml"},
	{"foo/bar/.github/workflows/has.period.yml@refs/heads/main", "has.period.yml"},
	{"foo/bar/.github/workflows/has..periods.yml@refs/heads/main", "has..periods.yml"},
	{"foo/bar/.github/workflows/has..periods..yml@refs/heads/main", "has..periods..yml"},
	{"foo/bar/.github/workflows/has_underscore.yml@refs/heads/main", "has_underscore.yml"},
	{"foo/bar/.github/workflows/nested@evil.yml@refs/heads/main", "nested@evil.yml"},
	{"foo/bar/.github/workflows/nested.yml@evil.yml@refs/heads/main", "nested.yml@evil.yml"},
	{"foo/bar/.github/workflows/extra@nested.yml@evil.yml@refs/heads/main", "extra@nested.yml@evil.yml"},
	{"foo/bar/.github/workflows/extra.yml@nested.yml@evil.yml@refs/heads/main", "extra.yml@nested.yml@evil.yml"},
	{"foo/bar/.github/workflows/basic.yml@refs/heads/misleading@branch.yml", "basic.yml"},
	{"foo/bar/.github/workflows/basic.yml@refs/heads/bad@branch@twomatches.yml", "basic.yml"},
	{"foo/bar/.github/workflows/foo.yml.yml@refs/heads/main", "foo.yml.yml"},
	{"foo/bar/.github/workflows/foo.yml.foo.yml@refs/heads/main", "foo.yml.foo.yml"},
	{"foo/bar/.github/workflows/basic.wrongsuffix@refs/heads/main", ""},
	{"foo/bar/.github/workflows/@refs/heads/main", ""},
	{"foo/bar/.github/workflows/nosuffix@refs/heads/main", ""},
	{"foo/bar/.github/workflows/.yml@refs/heads/main", ""},
	{"foo/bar/.github/workflows/.yaml@refs/heads/main", ""},
	{"foo/bar/.github/workflows/main.yml", ""},
}

func TestWorkflowFile(t *testing.T) {
	for name, extract := range map[string]func(string) (string, bool){"PyPI": PyPIWorkflowFile, "crates.io": CratesIOWorkflowFile} {
		for _, tc := range workflowRefs {
			got, ok := extract(tc.ref)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("%s(%q) = %q, %v; want %q", name, tc.ref, got, ok, tc.want)
			}
		}
	}
	// The two differ where crates.io needs a character after the @.
	if f, ok := PyPIWorkflowFile("o/r/.github/workflows/a.yml@"); !ok || f != "a.yml" {
		t.Errorf("PyPI on a trailing @: %q %v", f, ok)
	}
	if _, ok := CratesIOWorkflowFile("o/r/.github/workflows/a.yml@"); ok {
		t.Error("crates.io on a trailing @: found a file")
	}
}

// TestRubyGemsWorkflowPath: github_action.rb's for_claims pattern takes
// everything up to the first @ as the file, whatever its suffix.
func TestRubyGemsWorkflowPath(t *testing.T) {
	for _, tc := range []struct {
		ref  string
		want WorkflowPath
		ok   bool
	}{
		{"example/bar/.github/workflows/push_gem.yml@refs/heads/main", WorkflowPath{"example", "bar", "push_gem.yml", "refs/heads/main"}, true},
		{"shared-org/shared-workflows/.github/workflows/shared-release.yml@refs/tags/v1.0", WorkflowPath{"shared-org", "shared-workflows", "shared-release.yml", "refs/tags/v1.0"}, true},
		{"o/r/.github/workflows/nested.yml@evil.yml@refs/heads/main", WorkflowPath{"o", "r", "nested.yml", "evil.yml@refs/heads/main"}, true},
		{"o/r/.github/workflows/noext@x", WorkflowPath{"o", "r", "noext", "x"}, true},
		{"o/r/sub/.github/workflows/a.yml@x", WorkflowPath{}, false},
		{"o/r/.github/workflows/a.yml", WorkflowPath{}, false},
		{"token.yml", WorkflowPath{}, false},
	} {
		got, ok := RubyGemsWorkflowPath(tc.ref)
		if got != tc.want || ok != tc.ok {
			t.Errorf("RubyGemsWorkflowPath(%q) = %+v, %v; want %+v, %v", tc.ref, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCaseRule(t *testing.T) {
	if !CaseInsensitive.Same("Prod", "PROD") || CaseSensitive.Same("Prod", "PROD") || !CaseSensitive.Same("prod", "prod") {
		t.Error("case rules")
	}
	if o, n, ok := SplitRepository("octo-org/octo-repo/x"); !ok || o != "octo-org" || n != "octo-repo/x" {
		t.Errorf("SplitRepository: %q %q %v", o, n, ok)
	}
	if _, _, ok := SplitRepository("what?"); ok {
		t.Error("SplitRepository without a slash")
	}
}
