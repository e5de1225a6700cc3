package policytest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// The fixture READMEs of the providers keep a Markdown table, one row a
// sample document, naming the fixture tokens it allows and denies; the
// tests read the table so the README and the samples cannot drift apart.

// TableRows returns the cells, trimmed, of the Markdown table rows in
// readme whose first cell is a `code` name (a sample document); the outer
// pipes are not cells, and an escaped pipe (\|) stays inside its cell.
func TableRows(readme []byte) [][]string {
	var rows [][]string
	for _, line := range strings.Split(string(readme), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
			continue
		}
		cells := strings.Split(strings.ReplaceAll(line[1:len(line)-1], `\|`, "\x00"), "|")
		for i, c := range cells {
			cells[i] = strings.TrimSpace(strings.ReplaceAll(c, "\x00", "|"))
		}
		if strings.HasPrefix(cells[0], "`") {
			rows = append(rows, cells)
		}
	}
	return rows
}

// TokenList reads a cell listing fixture token names, separated by
// commas; "—" (and an empty cell) lists none.
func TokenList(cell string) []string {
	var out []string
	for _, n := range strings.Split(cell, ",") {
		if n = strings.TrimSpace(n); n != "" && n != "—" {
			out = append(out, n)
		}
	}
	return out
}

// VerdictRow is a row of a README table of the Google Cloud and
// Kubernetes samples: the document (file, or file#N), the fixture tokens
// it allows, and those it refuses with Deny, or with Error for a document
// the cloud would refuse to load (an "error, not deny" fourth column).
type VerdictRow struct {
	Spec           string
	Allows, Denies []string
	Deny           policy.Verdict
}

// VerdictRows reads the rows of readme's table with four cells or more.
func VerdictRows(readme []byte) []VerdictRow {
	var rows []VerdictRow
	for _, cells := range TableRows(readme) {
		if len(cells) < 4 {
			continue
		}
		row := VerdictRow{Spec: strings.Trim(cells[0], "`"), Allows: TokenList(cells[1]), Denies: TokenList(cells[2]), Deny: policy.Deny}
		if strings.HasPrefix(cells[3], "error, not deny") {
			row.Deny = policy.Error
		}
		rows = append(rows, row)
	}
	return rows
}

// CheckVerdicts holds a sample policy to its README row: p allows every
// fixture token the row allows and gives the row's Deny verdict for every
// one it denies.
func CheckVerdicts(t *testing.T, row VerdictRow, p policy.Policy) {
	t.Helper()
	for _, name := range row.Allows {
		if r := p.Evaluate(FixtureToken(t, name)); r.Verdict != policy.Allow {
			t.Errorf("%s should allow %s (README): %s %s", row.Spec, name, r.Verdict, r.Summary)
		}
	}
	for _, name := range row.Denies {
		if r := p.Evaluate(FixtureToken(t, name)); r.Verdict != row.Deny {
			t.Errorf("%s should give %s for %s (README): %s %s", row.Spec, row.Deny, name, r.Verdict, r.Summary)
		}
	}
}

// CheckVerdictTable holds the samples in folder to the README table
// rows: every row names a token and holds (policyFor returns the policy a
// row's Spec names), every sample file has a row (file#N counts for
// file), and the table has at least minRows rows.
func CheckVerdictTable(t *testing.T, folder string, rows []VerdictRow, minRows int, policyFor func(spec string) policy.Policy) {
	t.Helper()
	listed := map[string]bool{}
	for _, row := range rows {
		file, _, _ := strings.Cut(row.Spec, "#")
		listed[file] = true
		if len(row.Allows)+len(row.Denies) == 0 {
			t.Errorf("%s: the row names no token", row.Spec)
		}
		CheckVerdicts(t, row, policyFor(row.Spec))
	}
	CheckListed(t, folder, listed)
	if len(rows) < minRows {
		t.Errorf("README table has %d rows, want every sample (at least %d)", len(rows), minRows)
	}
}

// CheckListed fails the test for every sample document in folder (all
// its files but the README) that has no row in the README table.
func CheckListed(t *testing.T, folder string, listed map[string]bool) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(folder, "*"))
	for _, f := range files {
		if b := filepath.Base(f); b != "README.md" && !listed[b] {
			t.Errorf("%s has no row in the README table", b)
		}
	}
}
