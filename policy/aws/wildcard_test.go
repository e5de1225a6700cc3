package aws

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestWildcardWorkBounded: StringLike's matcher takes time proportional to
// the pattern times the value when the pattern has a '*' (a 4,096-character
// pattern, which fits an IAM trust policy, against a 700 KB sub took 43 s).
// Past the budget the condition, and so the policy, is an error naming the
// key and the budget; ordinary patterns still match large claims.
func TestWildcardWorkBounded(t *testing.T) {
	const sub = ghKey + ":sub"
	big := strings.Repeat("a", 700<<10)
	var each []string
	for _, claim := range []string{"sub", "ref", "job_workflow_ref"} { // each within the budget, together past it
		each = append(each, fmt.Sprintf(`"%s:%s":"*%sb"`, ghKey, claim, strings.Repeat("a", 400)))
	}
	tests := []struct {
		name      string
		condition string
		sub       string
		want      policy.Verdict
		mentions  []string
	}{
		{"4,096-character pattern, 700 KB sub", `{"StringLike":{"` + sub + `":"*` + strings.Repeat("a", 4094) + `b"}}`, big,
			policy.Error, []string{"StringLike " + sub, "716800-byte", fmt.Sprint(policy.WildcardBudget)}},
		{"conditions each within the budget, together past it", `{"StringLike":{` + strings.Join(each, ",") + `}}`, big[:20<<10],
			policy.Error, []string{"StringLike " + ghKey + ":", fmt.Sprint(policy.WildcardBudget)}},
		{"wildcard under StringEquals, 700 KB sub", `{"StringEquals":{"` + sub + `":"*` + strings.Repeat("a", 4094) + `b"}}`, big,
			policy.Deny, nil}, // decided by equality; only the "as StringLike" hint is left out
		{"ordinary pattern, 700 KB sub", `{"StringLike":{"` + sub + `":"repo:o/r:*"}}`, "repo:o/r:" + big, policy.Allow, nil},
		{"ordinary pattern, ordinary sub", `{"StringLike":{"` + sub + `":"repo:o/r:*"}}`, "repo:o/r:ref:refs/heads/main", policy.Allow, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			claims, err := json.Marshal(map[string]string{"iss": "https://" + ghKey, "aud": "sts.amazonaws.com", "sub": tc.sub, "ref": tc.sub, "job_workflow_ref": tc.sub})
			if err != nil {
				t.Fatal(err)
			}
			tok := policytest.Payload(t, string(claims))
			p := parseOne(t, trust(tc.condition))
			r := policytest.EvaluateBounded(t, func() policy.Result { return p.Evaluate(tok) }, tc.want, tc.mentions)
			policytest.CheckResult(t, policy.AWS, r)
		})
	}
}

// TestVariableSubstitutionBounded: replacing policy variables copies the
// key's value once per variable, so a policy that repeats a variable over
// a large claim would build gigabytes of text; past the budget the
// condition, and so the policy, is an error naming it.
func TestVariableSubstitutionBounded(t *testing.T) {
	const sub = ghKey + ":sub"
	big := strings.Repeat("a", 700<<10)
	value := `"` + strings.Repeat("${"+sub+"}", 10) + `"`
	values := strings.TrimSuffix(strings.Repeat(value+",", 1000), ",")
	claims, err := json.Marshal(map[string]string{"iss": "https://" + ghKey, "aud": "sts.amazonaws.com", "sub": big})
	if err != nil {
		t.Fatal(err)
	}
	tok := policytest.Payload(t, string(claims))
	for name, vals := range map[string]string{
		"many values, each with variables": values,
		"one value with many variables":    `"` + strings.Repeat("${"+sub+"}", 20000) + `"`,
	} {
		t.Run(name, func(t *testing.T) {
			p := parseOne(t, trust(`{"StringEquals":{"`+sub+`":[`+vals+`]}}`))
			r := policytest.EvaluateBounded(t, func() policy.Result { return p.Evaluate(tok) }, policy.Error,
				[]string{"policy variables of StringEquals " + sub, fmt.Sprint(policy.WildcardBudget)})
			policytest.CheckResult(t, policy.AWS, r)
		})
	}
}
