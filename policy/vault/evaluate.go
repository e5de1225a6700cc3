package vault

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// check is one condition and what Vault answers when it fails.
type check struct {
	cond     policy.Condition
	vaultErr string
}

// Evaluate tests the role the way Vault's login does, in its order: the
// role type, the token's iss, sub and aud (hashicorp/cap), the rule that a
// role without bound_audiences refuses tokens with an aud, the user claim
// and claim mappings (createIdentity), then every bound claim. Every check
// is reported, not only the first failure; an errored condition (a role
// Vault would refuse to write or cannot use) makes the verdict Error.
func (r *role) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(r, r.lint)
	if r.shapeErr != "" {
		res.SetError(r.shapeErr)
		return res
	}
	checks := r.checks(tok)
	for _, c := range checks {
		res.Conditions = append(res.Conditions, c.cond)
	}
	r.verdict(&res, checks)
	return res
}

func (r *role) checks(tok policy.Token) []check {
	var out []check
	out = append(out, tokenChecks(tok)...)
	out = append(out, r.roleTypeCheck())
	if r.issuer != "" || r.issuerErr != "" {
		out = append(out, r.issuerCheck(tok))
	}
	if r.subject != "" || r.subjectErr != "" {
		out = append(out, r.subjectCheck(tok))
	}
	out = append(out, r.audienceCheck(tok), r.userClaimCheck(tok))
	out = append(out, r.mappingChecks(tok)...)
	if r.groups != "" || r.groupsErr != "" {
		out = append(out, r.groupsCheck(tok))
	}
	out = append(out, r.boundClaimChecks(tok)...)
	if len(r.cidrs) > 0 {
		out = append(out, r.cidrCheck())
	}
	return out
}

// tokenChecks fail a token whose claims Vault cannot decode at all: a
// number no float64 holds makes encoding/json refuse the whole payload.
func tokenChecks(tok policy.Token) []check {
	var out []check
	for _, m := range tok.Payload.Members {
		text, bad := unreadableNumber(m.Value)
		if !bad || m.Duplicate {
			continue
		}
		cond := policy.Condition{Expression: "(the token's claims, as Vault decodes them)", Claims: []string{m.Key}, Expected: []string{}, Actual: policy.Shorten(text, 80)}
		out = append(out, failed(cond, "error validating token",
			fmt.Sprintf("the number %s in %s does not fit a float64: Vault decodes the claims with encoding/json, which refuses the token before any role field is checked", policy.Shorten(text, 80), m.Key)))
	}
	return out
}

// verdict sets Verdict, Summary and Error from the checks.
func (r *role) verdict(res *policy.Result, checks []check) {
	if res.SetErrorFromConditions() { // res.Conditions are the checks' conditions
		return
	}
	var fails []check
	for _, c := range checks {
		if c.cond.Result == policy.Fail {
			fails = append(fails, c)
		}
	}
	if len(fails) > 0 {
		res.Verdict = policy.Deny
		res.Summary = fmt.Sprintf("denied: Vault refuses the login (%q)", fails[0].vaultErr)
		switch n := len(fails) - 1; {
		case n == 1:
			res.Summary += " and 1 more condition fails"
		case n > 1:
			res.Summary += fmt.Sprintf(" and %d more conditions fail", n)
		}
		return
	}
	res.Verdict = policy.Allow
	var parts []string
	parts = append(parts, "allowed: a jwt role")
	if r.issuer != "" {
		parts = append(parts, "bound_issuer equals iss")
	} else if !r.hasConfig {
		parts = append(parts, "bound_issuer not checked (no auth config in the document)")
	} else {
		parts = append(parts, "the config's bound_issuer is empty, so iss is not checked")
	}
	if r.subject != "" {
		parts = append(parts, "bound_subject equals sub")
	}
	if len(r.audiences) > 0 {
		parts = append(parts, "aud is bound")
	}
	parts = append(parts, fmt.Sprintf("user_claim %s is a string", r.userClaim))
	if n := len(r.claims); n > 0 {
		parts = append(parts, fmt.Sprintf("all %d bound claims match (%s)", n, r.claimsType))
	}
	if len(r.cidrs) > 0 {
		parts = append(parts, "the source address (token_bound_cidrs) is not checked")
	}
	res.Summary = strings.Join(parts, ", ") + "; time is left to oidcscope's checks (Vault: " + r.leeways.String() + ")"
}

func passed(cond policy.Condition) check {
	cond.Result = policy.Pass
	return check{cond: cond}
}

// failed records a failing condition; the diagnosis ends with Vault's own
// words.
func failed(cond policy.Condition, vaultErr string, diag ...string) check {
	if vaultErr != "" {
		diag = append(diag, fmt.Sprintf("Vault answers %q", vaultErr))
	}
	cond.Result, cond.Diagnosis = policy.Fail, diag
	return check{cond: cond, vaultErr: vaultErr}
}

func errored(cond policy.Condition, diag ...string) check {
	cond.Result, cond.Diagnosis = policy.Errored, diag
	return check{cond: cond}
}

// claimString reads a string claim; problem explains a duplicated or
// non-string claim.
func claimString(tok policy.Token, name string) (val string, absent bool, problem string) {
	if tok.Duplicated(name) {
		return "", false, duplicated(tok, name)
	}
	v, ok := tok.Claim(name)
	if !ok {
		return "", true, ""
	}
	if v.Kind != decode.String {
		return "", false, fmt.Sprintf("the token's %s is %s, not a string", name, boundValue(v).describe())
	}
	return v.Text, false, ""
}

func duplicated(tok policy.Token, name string) string {
	return fmt.Sprintf("the token carries %s %d times: Vault's JSON decoding keeps the last, other verifiers the first — such a token is broken or forged, and oidcscope will not pick one", name, tok.Count(name))
}

// member renders a field the way the document writes it.
func member(key string, v any) string {
	return quoteJSON(key) + ": " + jsonText(v)
}

// rawMember renders `"key": <value as written>`.
func rawMember(key string, v decode.Value) string {
	b, err := v.MarshalJSON()
	if err != nil {
		return quoteJSON(key)
	}
	return quoteJSON(key) + ": " + string(b)
}

// jsonText encodes v without HTML escaping.
func jsonText(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "null"
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func quoteJSON(s string) string {
	if escape.Verbatim(s) {
		return `"` + s + `"`
	}
	return jsonText(s)
}

// rawText renders a document or token value compactly, strings bare.
func rawText(v decode.Value) string {
	if v.Kind == decode.String {
		return v.Text
	}
	b, err := v.MarshalJSON()
	if err != nil {
		return v.Kind.String()
	}
	return string(b)
}
