package vault

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// The tests of how Vault reads a role state their cases as one table of
// roleCase each; checkRoleCases holds the loop they share.

// boundClaims is jwtRole binding the given bound_claims object.
func boundClaims(obj string) string { return jwtRole(`"bound_claims":` + obj) }

// roleCase is a role evaluated against push-main with some claims changed
// (see tokenWith): the verdict Vault gives and, unless says is empty, a
// text the result must hold (in a diagnosis line, see diagnosedIn; or in
// its error, see erroredWith).
type roleCase struct {
	name, role string
	tok        map[string]string
	want       policy.Verdict
	says       string
}

// checkRoleCases runs each case as a subtest: the verdict must be the
// case's, and then more, when not nil, checks the result further.
func checkRoleCases(t *testing.T, cases []roleCase, more func(t *testing.T, tc roleCase, res policy.Result)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := parseOne(t, tc.role).Evaluate(tokenWith(t, tc.tok))
			if res.Verdict != tc.want {
				t.Fatalf("%s: verdict %s, want %s (%s%s); failing %+v", tc.role, res.Verdict, tc.want, res.Summary, res.Error, policytest.Failing(res))
			}
			if more != nil {
				more(t, tc, res)
			}
		})
	}
}

// diagnosedIn checks that a case's says, when set, is in a diagnosis line
// of one of the conditions among picks from the result.
func diagnosedIn(among func(policy.Result) []policy.Condition) func(*testing.T, roleCase, policy.Result) {
	return func(t *testing.T, tc roleCase, res policy.Result) {
		t.Helper()
		mentions := func(c policy.Condition) bool { return policytest.HasDiagnosis(c, tc.says) }
		if tc.says != "" && !slices.ContainsFunc(among(res), mentions) {
			t.Errorf("no condition looked at mentions %q: %+v", tc.says, among(res))
		}
	}
}

// erroredWith checks that a case's says, when set, is in the result's
// error: Vault's own message for a role it refuses to store.
func erroredWith(t *testing.T, tc roleCase, res policy.Result) {
	t.Helper()
	if tc.says != "" && !strings.Contains(res.Error, tc.says) {
		t.Errorf("%s: error %q lacks Vault's message %q", tc.role, res.Error, tc.says)
	}
}
