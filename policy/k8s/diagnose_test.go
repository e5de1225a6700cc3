package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestClassicFailures: the diagnoses a platform engineer needs, on the
// condition that failed.
func TestClassicFailures(t *testing.T) {
	subRule := func(sub string) string {
		return issuerAud + "  claimValidationRules:\n  - expression: \"claims.sub == '" + sub + "'\"\n" + userSub
	}
	cases := []struct {
		name string
		body string
		tok  policy.Token
		cond string
		diag [][]string // each: substrings of one line
		abs  bool
	}{
		{
			name: "environment form vs ref form",
			body: subRule("repo:octo-org/octo-repo:ref:refs/heads/main"),
			tok:  pushMainWith(t, map[string]string{"aud": "https://k8s.example.com", "sub": "repo:octo-org/octo-repo:environment:prod", "environment": "prod"}),
			cond: "claims.sub ==",
			diag: [][]string{{"sub is in environment form but the policy expects ref form"}, {"first difference at character 25"}},
		},
		{
			name: "immutable sub vs legacy policy",
			body: subRule("repo:octo-org/octo-repo:ref:refs/heads/main"),
			tok:  pushMainWith(t, map[string]string{"aud": "https://k8s.example.com", "sub": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}),
			cond: "claims.sub ==",
			diag: [][]string{{"immutable form", "trust both"}},
		},
		{
			name: "legacy sub vs immutable policy",
			body: subRule("repo:octo-org@65/octo-repo@74:ref:refs/heads/main"),
			tok:  k8sPushMain(t, nil),
			cond: "claims.sub ==",
			diag: [][]string{{"still gets the legacy form"}},
		},
		{
			name: "case only",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74' && claims.repository == 'Octo-Org/Octo-Repo'\"\n" + userSub,
			tok:  k8sPushMain(t, nil),
			cond: "claims.repository ==",
			diag: [][]string{{"term `claims.repository == 'Octo-Org/Octo-Repo'` is false"}, {"differs only in case", "Kubernetes compares repository case-sensitively"}},
		},
		{
			name: "wrong aud",
			body: issuerAud + userSub,
			tok:  fixtureToken(t, "environment-prod"),
			cond: "issuer.audiences",
			diag: [][]string{{"expected: https://k8s.example.com"}, {"token:    api://AzureADTokenExchange"}, {"no default audience"}},
		},
		{
			name: "absent claim in one term of several",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74' && claims.environment == 'prod'\"\n    message: only prod deploys\n" + userSub,
			tok:  k8sPushMain(t, nil),
			cond: "claims.environment",
			diag: [][]string{{"message: only prod deploys"}, {"term `claims.environment == 'prod'` fails: no such key: environment"}, {"add `environment: <name>` to the job"}, {"has(claims.environment)"}},
			abs:  false, // repository_id is present: the rule is not absent as a whole (the missing claim is in Actual)
		},
		{
			name: "startsWith on the wrong prefix",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.ref.startsWith('refs/tags/')\"\n" + userSub,
			tok:  k8sPushMain(t, nil),
			cond: "startsWith",
			diag: [][]string{{`claims.ref is "refs/heads/main"`}, {"expected: refs/tags/"}},
		},
		{
			name: "membership",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.event_name in ['workflow_dispatch', 'schedule']\"\n" + userSub,
			tok:  k8sPushMain(t, nil),
			cond: "event_name in",
			diag: [][]string{{`claims.event_name is "push"`}},
		},
		{
			name: "boolean literal against GitHub's string boolean",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.ref_protected == true\"\n" + userSub,
			tok:  k8sPushMain(t, nil),
			cond: "ref_protected",
			diag: [][]string{{"GitHub sends booleans as strings", "claims.ref_protected == 'true'"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := parseOne(t, doc(tc.body)).Evaluate(tc.tok)
			if r.Verdict != policy.Deny {
				t.Fatalf("verdict %s %s", r.Verdict, r.Summary)
			}
			c := cond(t, r, tc.cond)
			if c.Result != policy.Fail {
				t.Fatalf("condition %q is %s", c.Expression, c.Result)
			}
			for _, d := range tc.diag {
				if !hasLine(c.Diagnosis, d...) {
					t.Errorf("no diagnosis line with %q in:\n%q", d, c.Diagnosis)
				}
			}
			if c.Absent != tc.abs {
				t.Errorf("absent %v, want %v", c.Absent, tc.abs)
			}
		})
	}
}
