package testseeds

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// StaticTokenFiles returns the files of the fixture tokens signed with the
// demo key, as written (each ends in a newline), in name order.
func StaticTokenFiles(tb testing.TB) [][]byte {
	tb.Helper()
	return Files(tb, path.Join("fixtures", fixtures.StaticDir, "*.jwt"))
}

// StaticTokens returns the fixture tokens signed with the demo key, in
// file name order, without the files' trailing newline.
func StaticTokens(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, b := range StaticTokenFiles(tb) {
		out = append(out, strings.TrimSpace(string(b)))
	}
	return out
}

// ClaimSets returns the fixture claim sets, fixtures/claims/*.json.
func ClaimSets(tb testing.TB) [][]byte {
	tb.Helper()
	return Files(tb, "fixtures/claims/*.json")
}

// FixtureDocuments returns the fixture claim sets and every sample policy
// (JSON and YAML; the READMEs are left out).
func FixtureDocuments(tb testing.TB) [][]byte {
	tb.Helper()
	out := ClaimSets(tb)
	repo := repo(tb)
	err := fs.WalkDir(repo, "fixtures/policies", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) == ".md" {
			return err
		}
		b, err := fs.ReadFile(repo, name)
		out = append(out, b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
