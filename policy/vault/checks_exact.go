package vault

import "github.com/oidcscope/oidcscope/policy"

// exactBinding is a field bound to a registered claim by exact string
// comparison, as the config's bound_issuer binds iss and the role's
// bound_subject binds sub.
type exactBinding struct {
	field, claim, want string
	fieldErr           string // why Vault cannot read the field, if it cannot
	mismatch           string // Vault's error when the claim differs or is absent
	group              string // the condition's group
}

// check compares the token's claim, as Vault's JWT library reads it, with
// want. hints explains a difference in the field's own terms (got is the
// token's value); the case note and the generic mismatch lines frame it.
func (b exactBinding) check(tok policy.Token, hints func(got string) []string) check {
	cond := policy.Condition{Expression: member(b.field, b.want), Claims: []string{b.claim}, Expected: []string{b.want}, Group: b.group}
	if b.fieldErr != "" {
		cond.Expression, cond.Expected = b.field, []string{}
		return errored(cond, b.fieldErr)
	}
	got, key, absent, problem := registeredString(tok, b.claim)
	cond.Actual, cond.Absent, cond.Claims = got, absent, []string{key}
	note := caseNote(b.claim, key)
	switch {
	case problem != "":
		return failed(cond, errToken, problem+": Vault's JWT library cannot read the token's registered claims")
	case absent:
		return failed(cond, b.mismatch, policy.Absent(b.claim))
	case got == b.want:
		return passedNote(cond, note)
	}
	var diag []string
	if note != "" {
		diag = append(diag, note)
	}
	diag = append(diag, hints(got)...)
	diag = append(diag, policy.Mismatch(policy.Vault, b.claim, []string{b.want}, got, true)...)
	return failed(cond, b.mismatch, diag...)
}
