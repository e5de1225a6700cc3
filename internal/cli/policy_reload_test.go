package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// TestReloadPolicyFiles: the inspector's p, through
// inspect.Session.ReloadPolicyFiles with the command layer's loader: a
// file or folder read again replaces what was read from it; an unreadable
// file on its own adds no error row; a folder's unreadable documents stay
// listed as errors (as the command line lists them), once; a folder with
// no policy document reads nothing.
func TestReloadPolicyFiles(t *testing.T) {
	fixturesDir := filepath.Join("..", "..", "fixtures", "policies", "aws")
	copyFixture := func(dir, name string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(fixturesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	folder := t.TempDir()
	copyFixture(folder, "trust-environment-prod.json")
	copyFixture(folder, "list-roles.json") // a role list: file#N policies
	for _, name := range []string{"broken-1.json", "broken-2.json"} {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(`{"Version":"2012-10-17","Statement":[`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := t.TempDir()
	single := filepath.Join(fixturesDir, "trust-deny-pull-requests.json")
	notPolicy := filepath.Join("..", "..", "README.md")

	s := inspect.NewSession(inspect.Options{LoadPolicies: loadPolicyFiles, UnloadPolicies: unloadPolicyDocument})
	s, load := s.ReloadPolicyFiles(single)
	if load.Read != 1 || len(load.Failures) != 0 || s.PolicyCount() != 1 {
		t.Fatalf("%s: read %d, failures %d, %d in the session", single, load.Read, len(load.Failures), s.PolicyCount())
	}
	s, load = s.ReloadPolicyFiles(single)
	if load.Read != 1 || s.PolicyCount() != 1 {
		t.Errorf("%s again: read %d, %d in the session; want it replaced", single, load.Read, s.PolicyCount())
	}
	s, load = s.ReloadPolicyFiles(notPolicy)
	if len(load.Failures) != 1 || s.PolicyCount() != 1 {
		t.Errorf("%s: %d failures, %d in the session; want the failure said and no row", notPolicy, len(load.Failures), s.PolicyCount())
	}
	s, load = s.ReloadPolicyFiles(folder)
	inFolder := load.Read
	if inFolder < 3 || len(load.Failures) != 2 || s.PolicyCount() != 1+inFolder+2 {
		t.Fatalf("the folder: read %d, failures %d, %d in the session; want its policies and two error rows after the first", load.Read, len(load.Failures), s.PolicyCount())
	}
	s, load = s.ReloadPolicyFiles(folder)
	if load.Read != inFolder || len(load.Failures) != 2 || s.PolicyCount() != 1+inFolder+2 {
		t.Errorf("the folder again: read %d, failures %d, %d in the session; want it replaced, errors once", load.Read, len(load.Failures), s.PolicyCount())
	}
	// A document fixed since: its error row goes, its policy comes.
	b, err := os.ReadFile(single)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "broken-2.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, load = s.ReloadPolicyFiles(folder)
	if load.Read != inFolder+1 || len(load.Failures) != 1 || s.PolicyCount() != 1+inFolder+1+1 {
		t.Errorf("the folder with one document fixed: read %d, failures %d, %d in the session", load.Read, len(load.Failures), s.PolicyCount())
	}
	inFolder, errorRows := inFolder+1, 1
	s, load = s.ReloadPolicyFiles(empty)
	if load.Read != 0 || len(load.Failures) != 0 || s.PolicyCount() != 1+inFolder+errorRows {
		t.Errorf("an empty folder: read %d, failures %d, %d in the session", load.Read, len(load.Failures), s.PolicyCount())
	}
}

// TestReloadPolicyFilesSpellingsAndDeletions: a document loaded under one
// spelling of its path and read again under another is one document (an
// old error row included); a folder read again drops the policies of
// files deleted since; a load that replaces nothing reads the files once.
func TestReloadPolicyFilesSpellingsAndDeletions(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	if err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(folder, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.json", string(fixture))
	write("b.json", `{"Version":"2012-10-17","Statement":[`)
	reads := 0
	counting := func(loaded inspect.Policies, paths ...string) (inspect.Policies, []policy.Result) {
		reads++
		return loadPolicyFiles(loaded, paths...)
	}
	s := inspect.NewSession(inspect.Options{LoadPolicies: counting, UnloadPolicies: unloadPolicyDocument})
	s, load := s.ReloadPolicyFiles(folder)
	if reads != 1 || load.Read != 1 || len(load.Failures) != 1 || s.PolicyCount() != 2 {
		t.Fatalf("the folder: %d reads, read %d, failures %d, %d in the session; want 1 read, a.json's policy and b.json's error row", reads, load.Read, len(load.Failures), s.PolicyCount())
	}
	// b.json fixed, then read on its own under another spelling.
	write("b.json", string(fixture))
	s, load = s.ReloadPolicyFiles(folder + string(filepath.Separator) + "." + string(filepath.Separator) + "b.json")
	if load.Read != 1 || len(load.Failures) != 0 || s.PolicyCount() != 2 {
		t.Errorf("b.json fixed, by another spelling: read %d, failures %d, %d in the session; want a.json's and b.json's policies, no error row", load.Read, len(load.Failures), s.PolicyCount())
	}
	if err := os.Remove(filepath.Join(folder, "a.json")); err != nil {
		t.Fatal(err)
	}
	s, load = s.ReloadPolicyFiles(folder)
	if load.Read != 1 || s.PolicyCount() != 1 {
		t.Errorf("the folder after a.json was deleted: read %d, %d in the session; want b.json's policy alone", load.Read, s.PolicyCount())
	}
}

// TestReloadFolderThatWasMissing: a --policy-dir that could not be read
// is an error row named after the folder; once the folder is there, p on
// it replaces that row with its policies.
func TestReloadFolderThatWasMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "policies")
	s := inspect.NewSession(inspect.Options{
		Policies:     policyset.Loader{}.Load(nil, []string{dir}, nil),
		LoadPolicies: loadPolicyFiles, UnloadPolicies: unloadPolicyDocument,
	})
	if s.PolicyCount() != 1 {
		t.Fatalf("a missing folder: %d rows, want its error row", s.PolicyCount())
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "role.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, load := s.ReloadPolicyFiles(dir)
	if load.Read != 1 || s.PolicyCount() != 1 {
		t.Errorf("the folder now there: read %d, %d rows; want its policy and no error row", load.Read, s.PolicyCount())
	}
}
