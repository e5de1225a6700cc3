package policyset

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// entraCredential is a document every real provider list recognises.
const entraCredential = `{"issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:ref:refs/heads/main","audiences":["api://AzureADTokenExchange"],"name":"x"}`

// TestFolderSkipsWhatIsNotAPolicy (issue 16, item 11): a policy folder
// that also holds a package.json and a workflow is loaded with one note
// naming them, not an error for each; a document that does not even
// parse may be a policy hidden by its syntax error, so it fails and says
// where it breaks.
func TestFolderSkipsWhatIsNotAPolicy(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"credential.json":            entraCredential,
		"package.json":               `{"name":"deploy","scripts":{"test":"node test.js"}}`,
		".github/workflows/ci.yml":   "on:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
		"broken/octo.sts.yaml":       "issuer: https://token.actions.githubusercontent.com\nsubject: [repo:o/r\n",
		"broken/first-line.sts.yaml": "issuer: a: b\n",
	})
	set := Loader{}.Load(nil, []string{dir}, nil)
	if n := len(set.Policies()); n != 1 {
		t.Errorf("%d policies, want the one credential", n)
	}
	wantSkipped := []string{filepath.Join(dir, ".github/workflows/ci.yml"), filepath.Join(dir, "package.json")}
	if got := set.Skipped(); !slices.Equal(got, wantSkipped) {
		t.Errorf("Skipped() = %q, want %q", got, wantSkipped)
	}
	note := set.SkipNote()
	for _, w := range append([]string{"skipped 2 files that are not policy documents: "}, wantSkipped...) {
		if !strings.Contains(note, w) {
			t.Errorf("note %q lacks %q", note, w)
		}
	}
	failed := map[string]string{}
	for _, f := range set.Failures() {
		failed[filepath.Base(f.Source)] = f.Error
	}
	wantFailed := map[string]string{"octo.sts.yaml": "not valid YAML: line 2, column 10: ", "first-line.sts.yaml": "not valid YAML: line 1, column 9: "}
	if len(failed) != len(wantFailed) {
		t.Errorf("failures %q, want only the broken YAML", failed)
	}
	for name, w := range wantFailed {
		if !strings.Contains(failed[name], w) || !strings.Contains(failed[name], "not a policy document") {
			t.Errorf("%s: error %q, want it to say %q", name, failed[name], w)
		}
	}
}

// TestNamedFileIsNeverSkipped: a file named on its own was meant to be a
// policy, so one no provider recognises is still an error.
func TestNamedFileIsNeverSkipped(t *testing.T) {
	dir := writeTree(t, map[string]string{"package.json": `{"name":"deploy"}`})
	set := Loader{}.Load([]string{filepath.Join(dir, "package.json")}, nil, nil)
	if len(set.Skipped()) != 0 || set.SkipNote() != "" {
		t.Errorf("skipped %q, note %q", set.Skipped(), set.SkipNote())
	}
	if f := set.Failures(); len(f) != 1 || !strings.Contains(f[0].Error, ErrUnrecognised.Error()) {
		t.Errorf("failures %+v", f)
	}
}

func TestSkippedSurvivesMerge(t *testing.T) {
	dir := writeTree(t, map[string]string{"package.json": `{}`, "a.json": entraCredential})
	a := Loader{}.Load(nil, []string{dir}, nil)
	m := a.Merge(Loader{}.Load(nil, []string{dir}, nil))
	if len(m.Skipped()) != 2 || len(a.Skipped()) != 1 || m.Len() != 2 {
		t.Errorf("merged skips %q (a %q), %d policies", m.Skipped(), a.Skipped(), m.Len())
	}
}

func TestSyntaxError(t *testing.T) {
	for _, tc := range []struct{ name, doc, want string }{
		{"a.json", `{"a": }`, "not valid JSON: "},
		{"b.json", `{"a": }`, "at line 1, column 7"},
		{"a.yaml", `{"a": }`, ""}, // YAML, where a missing value is null
		{"a.yaml", "a:\n\t- b\n", "not valid YAML: line 2, column 1: "},
		{"ci.yml", "on: push\n", ""},
		{"package.json", `{"name":"x"}`, ""},
		{"pnpm-lock.yaml", strings.Repeat("a: b\n", maxYAMLCheck/4) + "c: [", ""}, // too large to parse: taken as well-formed
		{"small-lock.yaml", strings.Repeat("a: b\n", maxYAMLCheck/8) + "c: [", "not valid YAML: "},
	} {
		err := syntaxError(tc.name, []byte(tc.doc))
		if tc.want == "" {
			if err != nil {
				t.Errorf("%q: %v, want none", tc.doc, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, errSyntax) {
			t.Errorf("%q: %v, want %q…", tc.doc, err, tc.want)
		}
	}
}

// One skipped file is "a file that is not", in the singular.
func TestSkipNoteSingular(t *testing.T) {
	dir := writeTree(t, map[string]string{"credential.json": entraCredential, "package.json": `{"name":"x"}`})
	set := Loader{}.Load(nil, []string{dir}, nil)
	if note := set.SkipNote(); !strings.HasPrefix(note, "skipped 1 file that is not a policy document: ") {
		t.Errorf("note %q", note)
	}
}
