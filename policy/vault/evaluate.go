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
	res.FillExamples(tok) // here too, not only in SafeEvaluate: alone or in a set, the same result
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
	if c, refused := r.storeCheck(); refused {
		out = append(out, c)
	}
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

// errSignature is what Vault answers when go-jose cannot decode the claims
// at all (cap keyset.go:163-171 tries each key and blames the signature).
const errSignature = "error validating token: error verifying token signature: no known key successfully validated the token signature"

// tokenChecks fail a token whose claims Vault cannot decode at all, before
// any role field is checked: go-jose's decoder refuses a duplicate key or
// a number no float64 holds, and the registered claims must fit
// jwt.Claims (registered.go).
func tokenChecks(tok policy.Token) []check {
	var out []check
	expr := "(the token's claims, as Vault decodes them)"
	if path, dup := hasDuplicateKey(tok.Payload, ""); dup {
		cond := policy.Condition{Expression: expr, Claims: []string{strings.SplitN(path[1:], "/", 2)[0]}, Expected: []string{}, Actual: policy.Shorten(path, 80)}
		out = append(out, failed(cond, errSignature,
			fmt.Sprintf("the token names %s more than once: go-jose's JSON decoder, which Vault reads the claims with, refuses any duplicate key, and Vault reports it as a signature failure", policy.Shorten(path, 80))))
	}
	for _, m := range tok.Payload.Members {
		text, bad := unreadableNumber(m.Value)
		if !bad || m.Duplicate {
			continue
		}
		cond := policy.Condition{Expression: expr, Claims: []string{m.Key}, Expected: []string{}, Actual: policy.Shorten(text, 80)}
		out = append(out, failed(cond, errSignature,
			fmt.Sprintf("the number %s in %s does not fit a float64: go-jose's JSON decoder refuses the claims before any role field is checked, and Vault reports it as a signature failure", policy.Shorten(text, 80), m.Key)))
	}
	if reg := readRegistered(tok.Payload); reg.problem != "" {
		v, _ := tok.Claim(reg.culprit)
		cond := policy.Condition{Expression: expr, Claims: []string{reg.culprit}, Expected: []string{}, Actual: policy.Shorten(rawText(v), 80)}
		diag := fmt.Sprintf("Vault's JWT library reads the registered claims into go-jose's jwt.Claims with encoding/json, where %s must be %s; the token's %s is %s", registeredField(reg.culprit), registeredType(registeredField(reg.culprit)), reg.culprit, boundValue(v).describe())
		if reg.culprit != registeredField(reg.culprit) {
			diag += fmt.Sprintf(" — encoding/json matches %s to %s regardless of case", reg.culprit, registeredField(reg.culprit))
		}
		out = append(out, failed(cond, errToken+": "+reg.problem, diag))
	}
	return out
}

// registeredType says what jwt.Claims holds a registered claim as.
func registeredType(field string) string {
	switch field {
	case "aud":
		return "a string or a list of strings"
	case "exp", "nbf", "iat":
		return "a number"
	}
	return "a string"
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
		res.Summary = "denied: Vault refuses the login (" + escape.Quoted(fails[0].vaultErr) + ")"
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

// passedNote passes with a note on how Vault read the claim, if any.
func passedNote(cond policy.Condition, note string) check {
	c := passed(cond)
	if note != "" {
		c.cond.Diagnosis = []string{note}
	}
	return c
}

// failed records a failing condition; the diagnosis ends with Vault's own
// words. Vault quotes values with %q; here they stand raw between quotes
// (escape.Quoted), since every view escapes the whole message once.
func failed(cond policy.Condition, vaultErr string, diag ...string) check {
	if vaultErr != "" {
		diag = append(diag, "Vault answers "+escape.Quoted(vaultErr))
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
