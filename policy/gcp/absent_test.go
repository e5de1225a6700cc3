package gcp

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestAbsentMeansEveryClaim: a condition is Absent only when every claim
// it reads is missing from the token, since renderers then print
// "(absent)" for all its claims in place of Actual; a condition reading
// present claims too names the missing one in Actual instead.
func TestAbsentMeansEveryClaim(t *testing.T) {
	cases := []struct {
		name      string
		mapping   string // an extra attribute mapping, "" for none
		condition string
		find      string // the condition to check
		absent    bool
		actual    string
	}{
		{
			name:      "condition: two present, one absent",
			condition: "assertion.repository_owner_id == '65' && assertion.repository_id == '74' && assertion.environment == 'prod'",
			find:      "attributeCondition",
			actual:    "assertion.repository_owner_id='65', assertion.repository_id='74', assertion.environment absent",
		},
		{
			name:      "condition: one claim, absent",
			condition: "assertion.environment == 'prod'",
			find:      "attributeCondition",
			absent:    true,
		},
		{
			name:      "condition: two claims, both absent",
			condition: "assertion.environment == 'prod' && assertion.missing_claim == 'x'",
			find:      "attributeCondition",
			absent:    true,
		},
		{
			name:      "condition: has() of an absent claim",
			condition: "has(assertion.environment)",
			find:      "attributeCondition",
			absent:    true,
		},
		{
			name:      "mapping: one present, one absent",
			mapping:   `, "attribute.where": "assertion.repository_id + '/' + assertion.environment"`,
			condition: "assertion.repository_id == '74'",
			find:      "attribute.where = ",
			actual:    "assertion.repository_id='74', assertion.environment absent",
		},
		{
			name:      "mapping: its one claim absent",
			mapping:   `, "attribute.environment": "assertion.environment"`,
			condition: "assertion.repository_id == '74'",
			find:      "attribute.environment = ",
			absent:    true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, providerDoc(`"attributeMapping": {"google.subject": "assertion.sub"`+tc.mapping+`}, "attributeCondition": `+jsonString(tc.condition)))
			r := p.Evaluate(with(t, "push-main", map[string]any{"aud": refAud}))
			c := cond(t, r, tc.find)
			if r.Verdict != policy.Deny || c.Result != policy.Fail {
				t.Fatalf("%s / %s: %s", r.Verdict, c.Result, r.Summary)
			}
			if c.Absent != tc.absent || c.Actual != tc.actual {
				t.Errorf("Absent = %v, Actual = %q; want %v, %q (claims %q)", c.Absent, c.Actual, tc.absent, tc.actual, c.Claims)
			}
		})
	}
}
