package reach

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestOfUnevaluablePolicy: a policy its provider refuses to compile lets
// in no job because every exchange fails, not because its conditions keep
// the jobs out. Of says so with the provider's error, in an
// UnevaluableError and in the table, and the table has no rows to read as
// "lets in 0 of N".
func TestOfUnevaluablePolicy(t *testing.T) {
	const iss = "issuer: https://token.actions.githubusercontent.com\n"
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"compileonly", iss + `subject_pattern: "*repo:octo-org/octo-repo:ref:refs/heads/main"` + "\n",
			"trust policy: invalid subject_pattern: error parsing regexp: missing argument to repetition operator"},
		{"subject-and-pattern", iss + `subject_pattern: "repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*"` + "\n" +
			`subject: "repo:octo-org/octo-repo:ref:refs/tags/v1.4.0"` + "\n",
			"trust policy: only one of subject or subject_pattern can be set"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parsePolicy(t, tc.name+".sts.yaml", tc.doc)
			tab, err := Of(p, base())
			var ue *UnevaluableError
			if !errors.As(err, &ue) {
				t.Fatalf("Of: err %v, want an UnevaluableError; table %d rows, %d allowed", err, len(tab.Rows), len(tab.Allowed()))
			}
			if !strings.Contains(ue.Reason, tc.want) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "cannot be evaluated") {
				t.Errorf("error %q (reason %q): want %q", err, ue.Reason, tc.want)
			}
			if tab.Error != ue.Reason || len(tab.Rows) != 0 || tab.Policy != tc.name {
				t.Errorf("table %+v: want Error %q, no rows, policy %q", tab, ue.Reason, tc.name)
			}
		})
	}
}

// errsWithoutEnvironment stands for a policy whose provider cannot
// evaluate some tokens (a CEL condition erroring on a missing claim):
// no environment is an error, prod is allowed, others are denied.
type errsWithoutEnvironment struct{}

func (errsWithoutEnvironment) Provider() string { return "k8s" }
func (errsWithoutEnvironment) Source() string   { return "partial.yaml" }
func (errsWithoutEnvironment) Name() string     { return "partial" }
func (p errsWithoutEnvironment) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(p, nil)
	env, _ := tok.String("environment")
	cond := policy.Condition{Expression: `claims.environment == "prod"`, Claims: []string{"environment"}, Actual: env, Result: policy.Pass}
	switch env {
	case "":
		cond.Result = policy.Errored
		res.SetError("no such key: environment")
	case "prod":
		res.Verdict = policy.Allow
	default:
		cond.Result = policy.Fail
		res.Verdict = policy.Deny
	}
	res.Conditions = append(res.Conditions, cond)
	return res
}

// TestOfSomeRowsUnevaluable: rows the provider cannot evaluate are
// neither allowed nor denied: Unevaluated lists them, each with the
// provider's reason, and the table as a whole stands (no error).
func TestOfSomeRowsUnevaluable(t *testing.T) {
	tab, err := Of(errsWithoutEnvironment{}, base())
	if err != nil {
		t.Fatalf("Of: %v", err)
	}
	bad := tab.Unevaluated()
	if len(bad) == 0 || len(tab.Allowed()) == 0 || len(bad)+len(tab.Allowed()) >= len(tab.Rows) {
		t.Fatalf("%d rows, %d allowed, %d unevaluated: want some of each and some denied", len(tab.Rows), len(tab.Allowed()), len(bad))
	}
	for _, r := range bad {
		if r.Environment != "" || r.Verdict != policy.Error || r.Error != "no such key: environment" {
			t.Errorf("unevaluated row %+v: want no environment, the error verdict and its reason", r)
			break
		}
	}
	for _, r := range tab.Rows {
		if r.Verdict != policy.Error && r.Error != "" {
			t.Errorf("row %+v has a verdict and an error", r)
			break
		}
	}
	if tab.Error != "" {
		t.Errorf("table error %q for a policy most rows evaluate", tab.Error)
	}
}
