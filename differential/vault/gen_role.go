package vault

import (
	"math/rand/v2"
	"strings"
)

// genRole builds a role for a claim set: mostly a jwt role whose bounds
// are drawn from the token (so that matches are common), with every odd
// field value Vault's role endpoint treats specially now and then.
func genRole(r *rand.Rand, claims node) node {
	var ms []member
	add := func(k string, v node) { ms = append(ms, m(k, v)) }

	switch x := r.IntN(200); {
	case x < 182:
		add("role_type", str("jwt"))
	case x < 187: // not given: Vault makes it "oidc"
	case x < 190:
		add("role_type", str("oidc"))
	case x < 193:
		add("role_type", str(""))
	case x < 196:
		add("role_type", str(pick(r, []string{"JWT", "saml"})))
	default:
		add("role_type", scalar("null"))
	}
	if r.IntN(10) == 0 {
		add("allowed_redirect_uris", arr(str("https://vault.example.com/ui/vault/auth/jwt/oidc/callback")))
	}

	switch x := r.IntN(100); {
	case x < 82:
		add("user_claim", str(pick(r, []string{"repository", "sub", "actor", "repository_id"})))
	case x < 84: // no user_claim
	case x < 85:
		add("user_claim", str(""))
	case x < 90:
		add("user_claim", str(pick(r, []string{"iat", "n", "flag", "ids", "environment", "nul", "nope"})))
	case x < 94:
		add("user_claim", str(pick(r, []string{"/ctx/a~1b/c~0d", "/ctx/n", "/ctx/list/1", "/repository"})))
		add("user_claim_json_pointer", pick(r, []node{scalar("true"), str("true"), scalar("false")}))
	case x < 97:
		add("user_claim", scalar(pick(r, []string{"74", "true", "1.50"})))
	case x < 98:
		add("user_claim", arr(str("sub")))
	default:
		add("user_claim", str("/ctx/a~1b/c~0d"))
	}

	aud, _ := claims.Get("aud")
	tokAud := pick(r, auds)
	if own := stringsIn(aud); len(own) > 0 && r.IntN(20) > 0 {
		tokAud = pick(r, own)
	}
	switch x := r.IntN(100); {
	case x < 60:
		add("bound_audiences", arr(str(tokAud)))
	case x < 66:
		add("bound_audiences", arr(str("other"), str(tokAud)))
	case x < 72:
		add("bound_audiences", str(tokAud))
	case x < 76:
		add("bound_audiences", str("x, "+tokAud))
	case x < 84: // no bound_audiences
	case x < 88:
		add("bound_audiences", arr())
	case x < 93:
		add("bound_audiences", str(""))
	case x < 95:
		add("bound_audiences", arr(str(strings.ToUpper(tokAud))))
	default:
		add("bound_audiences", scalar("null"))
	}

	if sub, ok := claims.Get("sub"); ok {
		switch x := r.IntN(100); {
		case x < 20:
			add("bound_subject", sub)
		case x < 24:
			add("bound_subject", str(globOf(r, unquote(sub.Raw))))
		case x < 26:
			add("bound_subject", str(""))
		case x < 28:
			add("bound_subject", str(strings.ToUpper(unquote(sub.Raw))))
		}
	}

	claimsType := ""
	switch x := r.IntN(200); {
	case x < 90:
	case x < 130:
		claimsType = "string"
	case x < 190:
		claimsType = "glob"
	case x < 194:
		add("bound_claims_type", str(""))
	case x < 197:
		add("bound_claims_type", str(pick(r, []string{"regex", "Glob"})))
	default:
		add("bound_claims_type", scalar("null"))
	}
	if claimsType != "" {
		add("bound_claims_type", str(claimsType))
	}
	switch x := r.IntN(100); {
	case x < 72:
		var bcs []member
		used := map[string]bool{}
		for range 1 + r.IntN(3) {
			bc := boundClaim(r, claims, claimsType == "glob")
			if used[bc.Key] && r.IntN(20) > 0 { // a duplicate key now and then
				continue
			}
			used[bc.Key] = true
			bcs = append(bcs, bc)
		}
		add("bound_claims", obj(bcs...))
	case x < 76:
		add("bound_claims", obj())
	case x < 78:
		add("bound_claims", scalar("null"))
	case x < 79:
		add("bound_claims", pick(r, []node{str("ref=refs/heads/main"), arr(), scalar("true"), arr(obj(m("ref", str("refs/heads/main"))))}))
	}

	switch x := r.IntN(100); {
	case x < 6:
		add("claim_mappings", obj(m("run_id", str("run")), m(pick(r, []string{"ref", "n", "flag", "environment", "/ctx/n", "/ctx/a~1b/c~0d"}), str("x"))))
	case x < 7:
		add("claim_mappings", obj(m("run_id", str("role"))))
	case x < 8:
		add("claim_mappings", obj(m("run_id", str("x")), m("ref", str("x"))))
	}
	if r.IntN(40) == 0 {
		add("groups_claim", str(pick(r, []string{"groups", "nope", "ids", "/ctx/list", ""})))
	}
	if r.IntN(40) == 0 {
		add("token_bound_cidrs", arr(str(pick(r, []string{remoteCIDR, remoteCIDR, otherCIDR}))))
	}
	if r.IntN(30) == 0 {
		add("token_policies", arr(str("deploy")))
	}
	r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	return obj(ms...)
}

// remoteAddr is the address every login comes from. A role's
// token_bound_cidrs mostly contains it; otherCIDR does not, and no token
// decides that (a known disagreement).
const (
	remoteAddr = "10.1.2.3"
	remoteCIDR = "10.0.0.0/8"
	otherCIDR  = "192.168.0.0/16"
)
