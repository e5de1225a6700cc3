package gcp

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestDiagnoses: the classic failures are explained term by term with the
// values the terms read.
func TestDiagnoses(t *testing.T) {
	cases := []struct {
		name      string
		condition string
		claims    string         // the fixture claim set, requested for refAud
		changes   map[string]any // to its other claims, as with takes them
		lines     [][]string     // each: one diagnosis line must contain all parts
		absent    bool
		not       []string // no line may contain these
	}{
		{
			name:      "case only",
			condition: "assertion.repository_owner == 'octo-org' && assertion.repository_id == '74'",
			claims:    "push-main",
			changes:   map[string]any{"repository_owner": "Octo-Org"},
			lines: [][]string{
				{"assertion.repository_owner == 'octo-org' is false: assertion.repository_owner is 'Octo-Org'"},
				{"differs only in case: Google Cloud compares repository_owner case-sensitively"},
				{"first difference at character 1:"},
			},
			not: []string{"repository_id == '74' is false"},
		},
		{
			name:      "ID compared as a number",
			condition: "assertion.repository_owner_id == 65 && assertion.ref == 'refs/heads/main'",
			claims:    "push-main",
			lines: [][]string{
				{"assertion.repository_owner_id == 65 is false: assertion.repository_owner_id is the string '65', compared with the number 65"},
				{"GitHub sends IDs", "as JSON strings", "assertion.repository_owner_id == '65'"},
			},
			not: []string{"ref == 'refs/heads/main' is false"},
		},
		{
			name:      "number on the left",
			condition: "74 == assertion.repository_id",
			claims:    "push-main",
			lines:     [][]string{{"74 == assertion.repository_id is false: assertion.repository_id is the string '74', compared with the number 74"}},
		},
		{
			name:      "boolean compared as a boolean",
			condition: "assertion.ref_protected == true",
			claims:    "push-main",
			lines:     [][]string{{"assertion.ref_protected is the string 'true', compared with the boolean true"}},
		},
		{
			name:      "environment vs ref form",
			condition: "assertion.sub == 'repo:octo-org/octo-repo:ref:refs/heads/main'",
			claims:    "environment-prod",
			lines:     [][]string{{"the token's sub is in environment form but the policy expects ref form"}},
		},
		{
			name:      "legacy vs immutable sub",
			condition: "assertion.sub == 'repo:octo-org/octo-repo:ref:refs/heads/main'",
			claims:    "immutable-sub",
			lines:     [][]string{{"immutable form repo:OWNER@ID/REPO@ID but the policy expects the legacy form: trust both"}},
		},
		{
			name:      "absent claim",
			condition: "assertion.repository_id == '74' && assertion.environment == 'prod'",
			claims:    "push-main",
			lines: [][]string{
				{"CEL runtime error in the attribute condition: no such key: environment"},
				{"inference from the reference"},
				{"add `environment: <name>` to the job"},
				{"has(assertion.environment)"},
				{"assertion.environment == 'prod' fails: no such key: environment"},
			},
			absent: false, // repository_id is present: Actual names environment as absent
		},
		{
			name:      "has() on an absent claim",
			condition: "has(assertion.environment)",
			claims:    "push-main",
			lines:     [][]string{{"has(assertion.environment) is false: assertion.environment is absent"}},
			absent:    true,
		},
		{
			name:      "membership",
			condition: "assertion.ref in ['refs/heads/main', 'refs/heads/release']",
			claims:    "reusable-workflow",
			lines:     [][]string{{"is false: assertion.ref is 'refs/tags/v1.4.0'"}},
		},
		{
			name:      "startsWith",
			condition: "assertion.job_workflow_ref.startsWith('octo-org/octo-automation/')",
			claims:    "push-main",
			lines:     [][]string{{"is false: assertion.job_workflow_ref is 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main'"}, {"does not start with 'octo-org/octo-automation/'"}},
		},
		{
			name:      "matches is RE2",
			condition: "assertion.ref.matches('^refs/tags/v[0-9]+$')",
			claims:    "reusable-workflow",
			lines:     [][]string{{"does not match (RE2"}},
		},
		{
			name:      "not equal",
			condition: "assertion.event_name != 'pull_request'",
			claims:    "pull-request",
			lines:     [][]string{{"assertion.event_name != 'pull_request' is false: assertion.event_name is 'pull_request'"}},
		},
		{
			name:      "mapped attribute",
			condition: "attribute.repository_id == '74'",
			claims:    "other-repo",
			lines:     [][]string{{"attribute.repository_id == '74' is false: attribute.repository_id is '4242'"}},
		},
		{
			name:      "other shapes list what they read",
			condition: "size(assertion.actor) > 20 || assertion.actor_id == '1'",
			claims:    "push-main",
			lines:     [][]string{{"is false: assertion.actor is 'octocat', assertion.actor_id is '583231'"}},
		},
		{
			name:      "parenthesised terms are split",
			condition: "(assertion.repository_owner_id == '65' && assertion.repository_id == '75') && assertion.ref == 'refs/heads/main'",
			claims:    "push-main",
			lines:     [][]string{{"assertion.repository_id == '75' is false: assertion.repository_id is '74'"}},
			not:       []string{"'65' is false", "refs/heads/main' is false"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, providerDoc(`"attributeMapping": {"google.subject": "assertion.sub", "attribute.repository_id": "assertion.repository_id"}, "attributeCondition": `+jsonString(tc.condition)))
			changes := map[string]any{"aud": refAud}
			maps.Copy(changes, tc.changes)
			r := p.Evaluate(with(t, tc.claims, changes))
			c := cond(t, r, "attributeCondition")
			if r.Verdict != policy.Deny || c.Result != policy.Fail {
				t.Fatalf("%s / %s: %s", r.Verdict, c.Result, r.Summary)
			}
			for _, parts := range tc.lines {
				if !hasLine(c.Diagnosis, parts...) {
					t.Errorf("no line with %q in\n%s", parts, strings.Join(c.Diagnosis, "\n"))
				}
			}
			for _, n := range tc.not {
				if hasLine(c.Diagnosis, n) {
					t.Errorf("unexpected %q in\n%s", n, strings.Join(c.Diagnosis, "\n"))
				}
			}
			if c.Absent != tc.absent {
				t.Errorf("Absent = %v, want %v", c.Absent, tc.absent)
			}
			if !strings.HasPrefix(r.Summary, "deny: the attribute condition ") {
				t.Errorf("summary %q", r.Summary)
			}
		})
	}
}

// TestConditionColumns: Claims, Expected and Actual of a condition.
func TestConditionColumns(t *testing.T) {
	p := parseOne(t, providerDoc(`"attributeMapping": {"google.subject": "assertion.sub", "attribute.rid": "assertion.repository_id"}, "attributeCondition": "attribute.rid == '74' && assertion.ref == 'refs/heads/main'"`))
	c := cond(t, p.Evaluate(with(t, "push-main", map[string]any{"aud": refAud})), "attributeCondition")
	if !slices.Equal(c.Claims, []string{"repository_id", "ref"}) {
		t.Errorf("claims %q (attribute.rid reads repository_id)", c.Claims)
	}
	if !slices.Equal(c.Expected, []string{"attribute.rid == '74'", "assertion.ref == 'refs/heads/main'"}) {
		t.Errorf("expected %q", c.Expected)
	}
	if c.Actual != "attribute.rid='74', assertion.ref='refs/heads/main'" {
		t.Errorf("actual %q", c.Actual)
	}
	one := parseOne(t, providerDoc(subjectM+`, "attributeCondition": "assertion.repository_id == '74'"`))
	c = cond(t, one.Evaluate(with(t, "other-repo", map[string]any{"aud": refAud})), "attributeCondition")
	if !slices.Equal(c.Expected, []string{"74"}) || c.Actual != "4242" {
		t.Errorf("one term: expected %q actual %q", c.Expected, c.Actual)
	}
}
