package entra

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const fixtureDir = "../../fixtures/policies/entra"

type fixtureRow struct {
	source                 string
	allows, denies, errors []string
}

// readFixtureTable reads the policy table of the fixtures README, the one
// whose rows have policy, allows, denies, errors and why cells.
func readFixtureTable(t *testing.T) []fixtureRow {
	t.Helper()
	var rows []fixtureRow
	for _, cells := range policytest.TableRows(policytest.FixtureFile(t, "entra", "README.md")) {
		if len(cells) < 5 {
			continue // the table of files
		}
		rows = append(rows, fixtureRow{source: strings.Trim(cells[0], "`"), allows: tokenCell(cells[1]),
			denies: tokenCell(cells[2]), errors: tokenCell(cells[3])})
	}
	if len(rows) == 0 {
		t.Fatal("no policy rows found in the fixture README")
	}
	return rows
}

// tokenCell lists the fixture tokens a cell names: `name`s separated by
// commas, or every token.
func tokenCell(cell string) []string {
	if strings.Contains(cell, "every token") {
		return policytest.FixtureNames()
	}
	names := policytest.TokenList(cell)
	for i, n := range names {
		names[i] = strings.Trim(n, "`")
	}
	return names
}

// loadFixturePolicies parses every fixture document, keyed by source.
func loadFixturePolicies(t *testing.T) map[string]policy.Policy {
	t.Helper()
	return policytest.FixturePolicies(t, New(), "entra", "*.json")
}

// TestFixturePolicies checks exactly the table in the fixtures README.
func TestFixturePolicies(t *testing.T) {
	rows := readFixtureTable(t)
	pols := loadFixturePolicies(t)
	toks := map[string]policy.Token{}
	for _, name := range policytest.FixtureNames() {
		toks[name] = policytest.FixtureToken(t, name)
	}
	seen := map[string]bool{}
	for _, row := range rows {
		p, ok := pols[row.source]
		if !ok {
			t.Errorf("README row %s: no fixture policy with that source", row.source)
			continue
		}
		seen[row.source] = true
		check := func(names []string, want policy.Verdict) {
			for _, name := range names {
				tok, ok := toks[name]
				if !ok {
					t.Errorf("README row %s: unknown fixture token %q", row.source, name)
					continue
				}
				if r := p.Evaluate(tok); r.Verdict != want {
					t.Errorf("%s with %s: verdict %s, README says %s (summary: %s)", row.source, name, r.Verdict, want, r.Summary)
				}
			}
		}
		check(row.allows, policy.Allow)
		check(row.denies, policy.Deny)
		check(row.errors, policy.Error)
		for _, name := range policytest.FixtureNames() {
			if !slices.Contains(row.allows, name) {
				if r := p.Evaluate(toks[name]); r.Verdict == policy.Allow {
					t.Errorf("%s allows %s, but the README's allows column does not list it", row.source, name)
				}
			}
		}
	}
	for src := range pols {
		if !seen[src] {
			t.Errorf("fixture policy %s is missing from the README table", src)
		}
	}
}

// TestFixtureDiagnoses checks the classic failures the fixtures show.
func TestFixtureDiagnoses(t *testing.T) {
	pols := loadFixturePolicies(t)
	tests := []struct {
		source, token, claim string
		onlyFailure          bool // the condition is the only one that fails
		diagnosis            string
	}{
		{"graph-list-environment-prod.json#1", "push-main", "sub", false, "the token's sub is in ref form but the policy expects environment form"},
		{"az-app-main-branch.json#1", "environment-prod", "sub", true, "the token's sub is in environment form but the policy expects ref form"},
		{"graph-list-environment-prod.json#2", "environment-prod", "sub", true, "immutable form"},
		{"az-app-main-branch.json#1", "push-main", "aud", true, `Entra expects aud "api://AzureADTokenExchange"`},
		{"az-app-main-branch.json#2", "immutable-sub", "aud", true, "request the token with that audience"},
		{"uami-arm-list.json#1", "environment-prod", "iss", true, "ends in '/'"},
		{"uami-arm-list.json#2", "environment-prod", "sub", true, "AADSTS7002138"},
		{"az-identity-list.json#1", "push-main", "sub", false, "Pattern matching isn't supported"},
		{"flexible-repo.json", "push-main", "aud", true, "api://AzureADTokenExchange"},
		{"flexible-repo.json", "other-repo", "repository_id", false, "first difference"},
		{"uami-arm-list.json#3", "custom-sub", "aud", true, "api://AzureADTokenExchange"},
	}
	for _, tc := range tests {
		p := pols[tc.source]
		if p == nil {
			t.Fatalf("no fixture policy %s", tc.source)
		}
		r := p.Evaluate(policytest.FixtureToken(t, tc.token))
		c := policytest.ConditionOn(t, r, tc.claim)
		if c.Result != policy.Fail || !policytest.HasDiagnosis(c, tc.diagnosis) {
			t.Errorf("%s with %s: %s condition %s, diagnosis %q; want fail with %q", tc.source, tc.token, tc.claim, c.Result, c.Diagnosis, tc.diagnosis)
		}
		if f := policytest.Failing(r); tc.onlyFailure && len(f) != 1 {
			t.Errorf("%s with %s: %d failing conditions %+v, want only the %s one", tc.source, tc.token, len(f), f, tc.claim)
		}
		if !strings.Contains(r.Summary, "AADSTS700213 / AADSTS70021") || !strings.Contains(r.Summary, "No matching federated identity record found for presented assertion") {
			t.Errorf("%s with %s: summary %q lacks the AADSTS700213/70021 text", tc.source, tc.token, r.Summary)
		}
	}
}
