package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// verdictCase is a trust policy, a token, the verdict AWS would reach, and
// what the diagnoses of one condition must say.
type verdictCase struct {
	name   string
	doc    string // a whole trust policy (see trust)
	claims string // "" = push-main's
	want   policy.Verdict
	expr   string   // the condition whose diagnoses are checked (substring of its expression); "" = none
	diag   []string // substrings the diagnoses must hold
	not    []string // substrings they must not hold
}

func checkVerdicts(t *testing.T, cases []verdictCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			claims := tc.claims
			if claims == "" {
				claims = pushMain("")
			}
			res := parseOne(t, tc.doc).Evaluate(policytest.Payload(t, claims))
			policytest.CheckResult(t, policy.AWS, res)
			if res.Verdict != tc.want {
				t.Errorf("verdict %s, want %s\nsummary: %s\nerror: %s", res.Verdict, tc.want, res.Summary, res.Error)
			}
			if tc.expr == "" {
				return
			}
			c := policytest.ConditionWith(t, res, tc.expr)
			policytest.CheckText(t, "diagnosis of "+c.Expression, joined(c.Diagnosis), tc.diag, tc.not)
		})
	}
}

// noVersion is a trust policy without the Version element.
func noVersion(doc string) string {
	return strings.Replace(doc, `"Version":"2012-10-17",`, "", 1)
}

// policyToken is push-main's claims as a token.
func policyToken(t *testing.T) policy.Token { return policytest.Payload(t, pushMain("")) }
