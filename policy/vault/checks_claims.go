package vault

import (
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// mappingChecks: extractMetadata copies each mapped claim into token
// metadata; an absent claim is skipped, a present one must be a string.
func (r *role) mappingChecks(tok policy.Token) []check {
	if r.mapErr != "" {
		cond := policy.Condition{Expression: "claim_mappings", Claims: []string{}, Expected: []string{}, Group: "claim_mappings"}
		return []check{errored(cond, r.mapErr)}
	}
	var out []check
	for _, m := range r.mappings {
		f := lookup(tok.Payload, m.source)
		cond := policy.Condition{Expression: rawMember(m.source, m.raw), Claims: []string{f.top},
			Expected: []string{"(a string, or absent)"}, Group: "claim_mappings"}
		vaultErr := fmt.Sprintf("error converting claim '%s' to string", m.source)
		switch {
		case m.err != "":
			out = append(out, errored(cond, m.err))
			continue
		case tok.Duplicated(f.top):
			out = append(out, failed(cond, vaultErr, duplicated(tok, f.top)))
			continue
		case !f.ok:
			cond.Absent = true
			out = append(out, passed(cond))
			continue
		}
		cond.Actual = rawText(f.val)
		if cv := claimValue(f.val); cv.kind != kString {
			out = append(out, failed(cond, vaultErr, fmt.Sprintf("the token's %s is %s: claim_mappings copies only string claims into metadata, and Vault fails the login otherwise", m.source, cv.describe())))
			continue
		}
		out = append(out, passed(cond))
	}
	return out
}

// boundClaimChecks: validateBoundClaims, one condition per entry (Vault
// stops at the first failure; every entry must match).
func (r *role) boundClaimChecks(tok policy.Token) []check {
	group := "bound_claims (" + r.claimsType + ")"
	if r.claimsErr != "" {
		cond := policy.Condition{Expression: "bound_claims", Claims: []string{}, Expected: []string{}, Group: group}
		if r.typeRaw != "" && r.typeRaw != TypeString && r.typeRaw != TypeGlob {
			cond.Expression = member("bound_claims_type", r.typeRaw)
		}
		return []check{errored(cond, r.claimsErr)}
	}
	var out []check
	for _, bc := range r.claims {
		out = append(out, r.boundClaimCheck(tok, bc, group))
	}
	return out
}

func (r *role) boundClaimCheck(tok policy.Token, bc boundClaim, group string) check {
	f := lookup(tok.Payload, bc.key)
	expected := make([]string, len(bc.values))
	for i, v := range bc.values {
		expected[i] = v.render()
	}
	cond := policy.Condition{Expression: rawMember(bc.key, bc.raw), Claims: []string{f.top}, Expected: expected, Group: group}
	if bc.err != "" {
		return errored(cond, bc.err)
	}
	mismatch := "error validating claims: claim " + escape.Quoted(bc.key) + " does not match any associated bound claim values"
	if tok.Duplicated(f.top) {
		return failed(cond, mismatch, duplicated(tok, f.top))
	}
	if !f.ok {
		cond.Absent = true
		var diag []string
		if f.pointer && f.why != "" {
			diag = append(diag, fmt.Sprintf("the pointer %s finds nothing: %s", bc.key, f.why))
		}
		if _, ok := tok.Claim(f.top); !ok {
			diag = append(diag, policy.Absent(f.top))
		} else if !f.pointer {
			diag = append(diag, fmt.Sprintf("the token's %s is null, which Vault treats as missing", f.top))
		}
		return failed(cond, "error validating claims: claim "+escape.Quoted(bc.key)+" is missing", diag...)
	}
	cond.Actual = rawText(f.val)
	actual, ok := actualList(f.val)
	if !ok {
		return failed(cond, "error validating claims: received claim is not a string, bool, int or list: "+goValue(f.val),
			fmt.Sprintf("the token's %s is an object: Vault compares only strings, booleans, numbers and lists (point into it with a JSON Pointer such as /%s/<member>)", bc.key, f.top))
	}
	if bc.unusable != "" {
		return failed(cond, "error validating claims: "+bc.unusable,
			fmt.Sprintf("the bound value is %s: Vault stores the role but refuses every login that gets this far, since it compares only strings, booleans, numbers and lists", boundValue(bc.raw).describe()))
	}
	match, panicMsg := matchFound(bc.values, actual, r.claimsType == TypeGlob)
	switch {
	case panicMsg != "":
		return failed(cond, "error validating claims", panicMsg)
	case match:
		c := passed(cond)
		for _, a := range actual {
			if a.platform != "" { // the match itself depends on the Vault build
				c.cond.Diagnosis = append(c.cond.Diagnosis, a.platform)
			}
		}
		return c
	}
	diag := boundDiagnosis(r.claimsType, claimLabel(bc.key, f), bc.values, actual)
	for _, a := range actual {
		if n := truncationNote(a); n != "" {
			diag = append(diag, n)
		}
	}
	return failed(cond, mismatch, diag...)
}

// claimLabel is the claim name diagnoses use: the top-level name for a key
// or a one-level pointer, else the pointer.
func claimLabel(key string, f found) string {
	if !f.pointer || "/"+f.top == key {
		return f.top
	}
	return key
}

// groupsCheck: createIdentity reads groups_claim (a key or a pointer) and
// needs a string or a list of strings; GitHub tokens have no groups.
func (r *role) groupsCheck(tok policy.Token) check {
	f := lookup(tok.Payload, r.groups)
	cond := policy.Condition{Expression: member("groups_claim", r.groups), Claims: []string{f.top}, Expected: []string{"(a string or a list of strings)"}}
	if r.groupsErr != "" {
		cond.Claims = []string{}
		return errored(cond, r.groupsErr)
	}
	notFound := "failed to fetch groups: " + escape.Quoted(r.groups) + " claim not found in token"
	switch {
	case tok.Duplicated(f.top):
		return failed(cond, notFound, duplicated(tok, f.top))
	case !f.ok:
		cond.Absent = true
		return failed(cond, notFound, policy.Absent(f.top)+": GitHub Actions tokens carry no groups; remove groups_claim from the role")
	}
	cond.Actual = rawText(f.val)
	vals, ok := actualList(f.val)
	if !ok {
		return failed(cond, escape.Quoted(r.groups)+" claim could not be converted to string list", fmt.Sprintf("the token's %s is %s", f.top, claimValue(f.val).describe()))
	}
	for _, v := range vals {
		if v.kind != kString {
			return failed(cond, fmt.Sprintf("value %s in groups claim could not be parsed as string", v.render()), fmt.Sprintf("the token's %s holds %s", f.top, v.describe()))
		}
	}
	return passed(cond)
}

// cidrCheck notes token_bound_cidrs, which bind the login's source
// address: nothing in the token decides it.
func (r *role) cidrCheck() check {
	cond := policy.Condition{Expression: member("token_bound_cidrs", r.cidrs), Claims: []string{}, Expected: append([]string{}, r.cidrs...),
		Result: policy.NotApplied, Diagnosis: []string{"Vault also requires the login to come from one of these addresses (the runner's, for a GitHub Actions job); the token does not decide it, so oidcscope does not check it"}}
	return check{cond: cond}
}
