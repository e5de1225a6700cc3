package octosts

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

type fixtureRow struct {
	file           string
	allows, denies []string
}

// readFixtureTable reads the table in fixtures/policies/octo-sts/README.md.
func readFixtureTable(t *testing.T) []fixtureRow {
	t.Helper()
	var rows []fixtureRow
	for _, cells := range policytest.TableRows(policytest.FixtureFile(t, "octo-sts", "README.md")) {
		if len(cells) < 3 {
			t.Fatalf("README row %q has %d cells", cells, len(cells))
		}
		rows = append(rows, fixtureRow{
			file:   strings.Trim(cells[0], "`"),
			allows: policytest.TokenList(cells[1]),
			denies: policytest.TokenList(cells[2]),
		})
	}
	return rows
}

// acceptedOnlyUngrouped lists, per sample policy, the tokens that only
// octo-sts/app up to v0.8.0 (AnchorCaretDollar) accepts: the public
// service refuses them, and the README lists them as denied.
var acceptedOnlyUngrouped = map[string][]string{
	"alternation-pitfall.sts.yaml": {"custom-sub"},
}

// TestFixturePolicies checks the README table: each policy allows the
// tokens it lists and denies the others (under AnchorCaretDollar it also
// allows acceptedOnlyUngrouped's), and every token is
// in one of the two columns.
func TestFixturePolicies(t *testing.T) {
	rows := readFixtureTable(t)
	pols := policytest.FixturePolicies(t, provider(), "octo-sts", "*.sts.yaml")
	older := policytest.FixturePolicies(t, &Provider{Domain: DefaultDomain, Anchoring: AnchorCaretDollar}, "octo-sts", "*.sts.yaml")
	if len(rows) != len(pols) || len(rows) < 3 {
		t.Fatalf("README table has %d rows, directory %d policies", len(rows), len(pols))
	}
	for _, row := range rows {
		t.Run(row.file, func(t *testing.T) {
			all := append(slices.Clone(row.allows), row.denies...)
			slices.Sort(all)
			want := policytest.FixtureNames() // a fresh slice: sorting it is safe
			slices.Sort(want)
			if !slices.Equal(all, want) {
				t.Fatalf("README lists %v, want each of the %d fixture tokens exactly once", all, len(want))
			}
			pol, ok := pols[row.file]
			if !ok {
				t.Fatal("no such sample policy")
			}
			for _, name := range policytest.FixtureNames() {
				leak := slices.Contains(acceptedOnlyUngrouped[row.file], name)
				listed := slices.Contains(row.allows, name)
				for _, c := range []struct {
					pol   policy.Policy
					allow bool
					mode  string
				}{{pol, listed, "default"}, {older[row.file], listed || leak, "AnchorCaretDollar"}} {
					want := policy.Deny
					if c.allow {
						want = policy.Allow
					}
					if r := c.pol.Evaluate(policytest.FixtureToken(t, name)); r.Verdict != want {
						t.Errorf("%s (%s): %s, want %s: %s", name, c.mode, r.Verdict, want, r.Summary)
					}
				}
			}
		})
	}
}

// TestFixturePairs: the brief's required pairs.
func TestFixturePairs(t *testing.T) {
	p := provider()
	pairs := []struct{ file, allow, deny string }{
		{"octo-repo-main.sts.yaml", "push-main", "other-repo"},
		{"prod-deploy.sts.yaml", "environment-prod", "push-main"},
		{"ref-main-exact.sts.yaml", "self-hosted", "environment-prod"},
	}
	for _, pr := range pairs {
		pol := fixturePolicy(t, p, pr.file)
		if r := pol.Evaluate(policytest.FixtureToken(t, pr.allow)); r.Verdict != policy.Allow {
			t.Errorf("%s must allow %s: %s", pr.file, pr.allow, r.Summary)
		}
		if r := pol.Evaluate(policytest.FixtureToken(t, pr.deny)); r.Verdict != policy.Deny {
			t.Errorf("%s must deny %s: %s", pr.file, pr.deny, r.Verdict)
		}
	}
}

// TestGoodFixturesAreLintClean: the two recommended policies raise no
// finding at all.
func TestGoodFixturesAreLintClean(t *testing.T) {
	for _, f := range []string{"octo-repo-main.sts.yaml", "prod-deploy.sts.yaml"} {
		r := fixturePolicy(t, provider(), f).Evaluate(policytest.FixtureToken(t, "push-main"))
		if len(r.Lint) != 0 {
			t.Errorf("%s: %+v", f, r.Lint)
		}
	}
}
