package vault

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

const (
	errOIDCRole = "role with oidc role_type is not allowed"
	errIssuer   = "error validating token: invalid issuer (iss) claim"
	errSubject  = "error validating token: invalid subject (sub) claim"
	errAudience = "error validating token: invalid audience (aud) claim: audience claim does not match any expected audience"
	errToken    = "error validating token"
)

// roleTypeCheck: path_login.go refuses JWT logins to "oidc" roles, and
// `vault write` makes a role "oidc" when role_type is not given.
func (r *role) roleTypeCheck() check {
	cond := policy.Condition{Expression: member("role_type", r.roleType), Claims: []string{}, Expected: []string{"jwt"}}
	if r.typeErr != "" {
		if r.roleType == "" {
			cond.Expression = "role_type"
		}
		return errored(cond, r.typeErr)
	}
	if r.roleType == "jwt" {
		return passed(cond)
	}
	var diag []string
	if r.roleType == "" {
		cond.Expression = `role_type (not set: "oidc")`
		diag = append(diag, "this is an OIDC role; JWT logins need role_type jwt: `vault write` makes a role \"oidc\" when role_type is not given")
	} else {
		diag = append(diag, "this is an OIDC role; JWT logins need role_type jwt (the browser OIDC flow uses oidc roles, GitHub Actions tokens log in with jwt roles)")
	}
	if r.redirects == 0 {
		diag = append(diag, "as written Vault would not even store it: an oidc role needs allowed_redirect_uris")
	}
	diag = append(diag, `set "role_type": "jwt"`)
	return failed(cond, errOIDCRole, diag...)
}

// issuerCheck: the config's bound_issuer equals iss exactly when set.
func (r *role) issuerCheck(tok policy.Token) check {
	b := exactBinding{field: "bound_issuer", claim: "iss", want: r.issuer, fieldErr: r.issuerErr, mismatch: errIssuer, group: "config"}
	return b.check(tok, func(iss string) []string {
		switch {
		case r.issuer == iss+"/":
			return []string{"bound_issuer ends in '/' and the token's iss does not: Vault compares issuers exactly (current GitHub tokens have no trailing slash)"}
		case iss == r.issuer+"/":
			return []string{"the token's iss ends in '/' and bound_issuer does not: Vault compares issuers exactly"}
		case strings.HasPrefix(iss, GitHubIssuer+"/") && r.issuer == GitHubIssuer:
			return []string{"the token comes from an enterprise-specific issuer (include_enterprise_slug is on): set bound_issuer and oidc_discovery_url to that issuer"}
		}
		return nil
	})
}

// subjectCheck: bound_subject equals sub exactly; it has no glob.
func (r *role) subjectCheck(tok policy.Token) check {
	b := exactBinding{field: "bound_subject", claim: "sub", want: r.subject, fieldErr: r.subjectErr, mismatch: errSubject}
	return b.check(tok, func(string) []string {
		if w := policy.WildcardInEquality("bound_subject", []string{r.subject}); w != "" {
			return []string{w + " (it has no glob): match sub patterns with bound_claims and \"bound_claims_type\": \"glob\""}
		}
		return nil
	})
}

// audienceCheck: with bound_audiences, one must be among the token's aud;
// without, a token carrying an aud is refused (path_login.go, since plugin
// v0.17.3 also for a single-string aud; an empty string aud passes).
func (r *role) audienceCheck(tok policy.Token) check {
	cond := policy.Condition{Expression: member("bound_audiences", r.audiences), Claims: []string{"aud"}, Expected: append([]string{}, r.audiences...)}
	if len(r.audiences) == 0 {
		cond.Expression = "bound_audiences (not set)"
	}
	if r.audErr != "" {
		cond.Expression = "bound_audiences"
		return errored(cond, r.audErr)
	}
	// With bound audiences the library compares its reading of aud (any
	// case); without, path_login.go:168-180 reads the "aud" key itself.
	key := "aud"
	if len(r.audiences) > 0 {
		key = registeredKey(registeredOf(tok), "aud")
		cond.Claims = []string{key}
	}
	if tok.Duplicated(key) {
		return failed(cond, errToken, duplicated(tok, key))
	}
	v, present := tok.Claim(key)
	cond.Actual, _ = tok.Text(key)
	cond.Absent = !present
	var auds []string
	isString := false
	if present {
		switch v.Kind {
		case decode.String:
			auds, isString = []string{v.Text}, true
		case decode.Array:
			for _, it := range v.Items {
				if it.Kind != decode.String {
					return failed(cond, errToken, fmt.Sprintf("the token's aud holds %s: Vault's JWT library reads aud only as a string or a list of strings, so it refuses the token", boundValue(it).describe()))
				}
				auds = append(auds, it.Text)
			}
		default:
			return failed(cond, errToken, fmt.Sprintf("the token's aud is %s: Vault's JWT library reads aud only as a string or a list of strings, so it refuses the token", boundValue(v).describe()))
		}
	}
	strict := !(isString && auds[0] == "")
	msg := validateAudience(r.audiences, auds, strict)
	if msg == "" {
		return passed(cond)
	}
	// A token requested for another provider is the workflow's mistake:
	// binding its aud would let in tokens minted for that provider.
	forOther := policy.NotMeantFor(policy.Vault, tok, auds)
	if msg == msgNoAudiences {
		want := "<the audience your workflow requests>"
		if len(auds) > 0 && auds[0] != "" && !forOther {
			want = auds[0]
		}
		c := failed(cond, msgNoAudiences,
			"the role binds no audiences and the token has an aud: Vault refuses every such token (\"audience claim found in JWT but no audiences bound to the role\"; since plugin v0.17.3 / Vault 1.16.3 also for a single-string aud)",
			fmt.Sprintf("every GitHub token has aud: add \"bound_audiences\": [%s]", quoteJSON(want)))
		c.cond.TokenSide = forOther
		return c
	}
	c := failed(cond, errAudience, audienceDiagnosis(r.audiences, auds, forOther)...)
	c.cond.TokenSide = forOther
	return c
}

// audienceDiagnosis explains auds missing every bound audience; forOther:
// each is another provider's default audience.
func audienceDiagnosis(bound, auds []string, forOther bool) []string {
	var out []string
	if len(auds) == 0 {
		return []string{policy.Absent("aud") + ": Vault needs one of the bound audiences"}
	}
	if len(auds) > 1 {
		out = append(out, fmt.Sprintf("none of the token's %d audiences is bound", len(auds)))
	}
	first := auds[0]
	for _, b := range bound {
		if b == first+"/" || first == b+"/" {
			out = append(out, "the values differ only by a trailing '/': Vault compares audiences exactly")
			break
		}
	}
	if p, ok := policy.AudienceOf(policy.Vault, first); ok && forOther {
		out = append(out, fmt.Sprintf("%s is %s's audience: the workflow requested the token for %s; request a bound one (hashicorp/vault-action: jwtGithubAudience), do not bind this one: the role would accept tokens minted for %s", escape.Quoted(first), p.Name, p.Name, p.Name))
	} else if strings.HasPrefix(first, "https://github.com/") && !slices.Contains(bound, first) {
		out = append(out, fmt.Sprintf("%s is GitHub's default audience (the owner's URL): the workflow requested none — hashicorp/vault-action passes its jwtGithubAudience input, so set it to a bound audience, or bind this one", first))
	} else {
		out = append(out, "the workflow requests the audience (hashicorp/vault-action: jwtGithubAudience; without it GitHub uses https://github.com/<owner>): request a bound one, or bind this one")
	}
	return append(out, policy.Mismatch(policy.Vault, "aud", bound, first, true)...)
}

// userClaimCheck: createIdentity reads user_claim (a top-level key, or a
// pointer with user_claim_json_pointer) and needs a string.
func (r *role) userClaimCheck(tok policy.Token) check {
	expr := member("user_claim", r.userClaim)
	if r.userPtr {
		expr += `, "user_claim_json_pointer": true`
	}
	f := found{top: r.userClaim}
	if r.userPtr {
		f = lookup(tok.Payload, r.userClaim)
	} else {
		v, ok := tok.Claim(r.userClaim)
		f.val, f.ok = v, ok && v.Kind != decode.Null
	}
	cond := policy.Condition{Expression: expr, Claims: []string{f.top}, Expected: []string{"(any string)"}}
	if r.userErr != "" {
		cond.Claims = []string{}
		return errored(cond, r.userErr)
	}
	if tok.Duplicated(f.top) {
		return failed(cond, "claim "+escape.Quoted(r.userClaim)+" not found in token", duplicated(tok, f.top))
	}
	if !f.ok {
		cond.Absent = true
		diag := []string{policy.Absent(f.top)}
		if f.why != "" {
			diag = []string{fmt.Sprintf("the pointer %s finds nothing: %s", r.userClaim, f.why)}
		}
		diag = append(diag, "user_claim names the claim that becomes the Vault entity alias; GitHub roles usually use repository or sub")
		return failed(cond, "claim "+escape.Quoted(r.userClaim)+" not found in token", diag...)
	}
	cond.Actual = rawText(f.val)
	var cv value
	if r.userPtr {
		cv = claimValue(f.val)
	} else {
		cv = boundValue(f.val)
	}
	if cv.kind != kString {
		return failed(cond, "claim "+escape.Quoted(r.userClaim)+" could not be converted to string",
			fmt.Sprintf("the token's %s is %s: user_claim must name a string claim (every GitHub claim is a string except exp, iat and nbf)", f.top, cv.describe()))
	}
	return passed(cond)
}
