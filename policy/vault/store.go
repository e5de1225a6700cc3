package vault

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// What Vault's role endpoint refuses to store (pathRoleCreateUpdate in
// path_role.go, v0.26.1). A refused role takes no login at all, so its
// verdict is Error carrying Vault's answer; Vault checks in this order and
// answers with the first refusal.
type storeStep int

const (
	stepFields     storeStep = iota // a field that does not convert (vault/sdk framework/backend.go:330)
	stepRoleType                    // path_role.go:401-407
	stepClaimsType                  // path_role.go:474-479
	stepGlobValues                  // path_role.go:481-499
	stepMappings                    // path_role.go:502-517
	stepUserClaim                   // path_role.go:521-526
	stepRedirects                   // path_role.go:543-547
	stepConstraint                  // path_role.go:549-558
)

// refusal is one reason Vault refuses to store the role.
type refusal struct {
	step  storeStep
	vault string // Vault's answer, verbatim
	why   string // what in the role it is about, when Vault's words do not say
}

func (r *role) refuse(st storeStep, vault, why string) {
	r.refusals = append(r.refusals, refusal{step: st, vault: vault, why: why})
}

// firstRefusal is the answer Vault gives when several apply (the first
// in document order within a step; Vault walks its maps in random order).
func (r *role) firstRefusal() (refusal, bool) {
	var best refusal
	found := false
	for _, f := range r.refusals {
		if !found || f.step < best.step {
			best, found = f, true
		}
	}
	return best, found
}

// storeRefusal phrases Vault's answer for a diagnosis.
func storeRefusal(vault string) string {
	return "Vault refuses to store the role: " + vault
}

// checkStorable records the refusals found once every field is read:
// string fields that do not convert, the redirect URIs an OIDC role needs
// and the bound constraint a jwt role needs. (The readers record the
// others.)
func (r *role) checkStorable(f fields) {
	for _, key := range []string{"role_type", "user_claim", "bound_subject", "groups_claim", "bound_claims_type"} {
		if v, ok := f.get(key); ok {
			if _, good := weakString(v); !good {
				r.refuse(stepFields, fieldValidation(key, unconvertible("", v)), key+" is "+boundValue(v).describe()+", not a string")
			}
		}
	}
	oidc := r.typeErr == "" && (r.roleType == "" || r.roleType == "oidc")
	if oidc && r.redirects == 0 {
		r.refuse(stepRedirects, "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.", "")
	}
	if r.roleType == "jwt" && r.audErr == "" && len(r.audiences) == 0 && len(r.cidrs) == 0 && r.subject == "" && len(r.claims) == 0 && r.claimsErr == "" {
		r.refuse(stepConstraint, "must have at least one bound constraint when creating/updating a role", "")
	}
}

// storeCheck is the condition "Vault stores this role", first among the
// checks so that the verdict's error is Vault's first refusal.
func (r *role) storeCheck() (check, bool) {
	f, ok := r.firstRefusal()
	if !ok {
		return check{}, false
	}
	cond := policy.Condition{Expression: "(the role, as `vault write` sends it)", Claims: []string{}, Expected: []string{"a role Vault stores"}}
	msg := storeRefusal(f.vault) + storeHint(f)
	if f.why != "" {
		msg = f.why + ": " + msg
	}
	return errored(cond, msg), true
}

// storeHint says what to change, per refusal.
func storeHint(f refusal) string {
	switch f.step {
	case stepRedirects:
		return ` — role_type is not "jwt", so the role is an OIDC role (Vault's default), which needs allowed_redirect_uris; GitHub Actions tokens log in to jwt roles: set "role_type": "jwt"`
	case stepConstraint:
		return " — a jwt role must bind at least one of bound_audiences, bound_subject, bound_claims or token_bound_cidrs; for GitHub bind the audience and repository_id"
	case stepUserClaim:
		return " — set user_claim to a string claim, e.g. \"repository\""
	}
	return ""
}

// whyOf is a field problem without the refusal it ends with, for the
// store condition, which adds the refusal itself.
func whyOf(problem, vaultMsg string) string {
	return strings.TrimSuffix(problem, ": "+storeRefusal(vaultMsg))
}
