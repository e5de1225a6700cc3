package policy

import "testing"

// stub is the least Policy NewResult needs.
type stub struct{}

func (stub) Provider() string          { return Vault }
func (stub) Source() string            { return "roles.json#2" }
func (stub) Name() string              { return "deploy" }
func (stub) Evaluate(tok Token) Result { return Result{} }

func TestNewResultCopiesLint(t *testing.T) {
	lint := []Finding{{Rule: "r", Message: "m", Severity: SevInfo}}
	r := NewResult(stub{}, lint)
	if r.Source != "roles.json#2" || r.Provider != Vault || r.Name != "deploy" {
		t.Errorf("identity = %q %q %q", r.Source, r.Provider, r.Name)
	}
	if r.Conditions == nil || len(r.Conditions) != 0 {
		t.Errorf("Conditions = %#v, want empty and non-nil (JSON [])", r.Conditions)
	}
	r.Lint = append(r.Lint, Finding{Rule: "token"})
	r.Lint[0].Rule = "changed"
	if len(lint) != 1 || lint[0].Rule != "r" {
		t.Errorf("the policy's findings changed through the result: %+v", lint)
	}
	if empty := NewResult(stub{}, nil); empty.Lint == nil {
		t.Error("Lint should be non-nil without findings (JSON [])")
	}
}

func TestSetError(t *testing.T) {
	r := NewResult(stub{}, nil)
	r.SetError("bound_claims is not an object")
	if r.Verdict != Error || r.Error != "bound_claims is not an object" || r.Summary != "cannot be evaluated: bound_claims is not an object" {
		t.Errorf("after SetError: %+v", r)
	}
}

func TestSetErrorFromConditions(t *testing.T) {
	r := NewResult(stub{}, nil)
	r.Conditions = []Condition{{Expression: "a", Result: Pass}, {Expression: "b", Result: Fail}}
	if r.SetErrorFromConditions() || r.Verdict != "" {
		t.Errorf("no condition errored, yet the verdict is set: %+v", r)
	}
	r.Conditions = append(r.Conditions,
		Condition{Expression: "c", Result: Errored},
		Condition{Expression: "d", Result: Errored, Diagnosis: []string{"later"}})
	if !r.SetErrorFromConditions() || r.Verdict != Error || r.Error != "c: cannot be evaluated" {
		t.Errorf("the first errored condition, without a diagnosis, names its expression: %+v", r)
	}
	r.Conditions[2].Diagnosis = []string{"the pattern does not compile", "more"}
	if !r.SetErrorFromConditions() || r.Error != "the pattern does not compile" || r.Summary != "cannot be evaluated: the pattern does not compile" {
		t.Errorf("the reason is the first diagnosis line: %+v", r)
	}
}
