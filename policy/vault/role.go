package vault

import (
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// role is one compiled JWT role, with the auth config's bound_issuer when
// the document gives it.
type role struct {
	source, name string
	shapeErr     string // the role cannot be read at all

	hasConfig  bool
	issuer     string // config bound_issuer; "" is not checked
	issuerErr  string
	discovery  string
	roleType   string // as written; "" when absent
	typeErr    string
	redirects  int
	userClaim  string
	userPtr    bool
	userErr    string
	subject    string
	subjectErr string
	audiences  []string
	audErr     string
	claimsType string // TypeString or TypeGlob
	typeRaw    string // bound_claims_type as written
	claimsErr  string // bound_claims or bound_claims_type cannot be used
	claims     []boundClaim
	mappings   []mapping
	mapErr     string
	groups     string // groups_claim
	groupsErr  string
	cidrs      []string // token_bound_cidrs (or the deprecated bound_cidrs)
	leeways    leeways
	lint       []policy.Finding
}

// boundClaim is one bound_claims entry.
type boundClaim struct {
	key    string
	raw    decode.Value
	values []value // as Vault normalises them
	err    string  // Vault would refuse to write or to use this entry
}

// mapping is one claim_mappings entry: a claim (or pointer) copied into
// token metadata.
type mapping struct {
	source, target string
	raw            decode.Value // the target as written
	err            string
}

// compile reads one role entry (and the document's config).
func compile(source string, doc document, e entry) *role {
	r := &role{source: source, name: e.name, claimsType: TypeString}
	if doc.config.Kind == decode.Object {
		r.hasConfig = true
		f := fields{obj: doc.config, where: "config"}
		r.issuer, r.issuerErr = f.str("bound_issuer")
		r.discovery, _ = f.str("oidc_discovery_url")
	}
	if e.obj.Kind != decode.Object {
		r.shapeErr = fmt.Sprintf("role %q is a %s, not an object of role fields", policy.Shorten(e.name, 60), e.obj.Kind)
		if e.line > 0 {
			r.shapeErr += fmt.Sprintf(" (line %d)", e.line)
		}
		return r
	}
	f := fields{obj: e.obj, where: "role"}
	r.readType(f)
	r.userClaim, r.userErr = f.str("user_claim")
	if r.userErr == "" && r.userClaim == "" {
		r.userErr = "the role has no user_claim: Vault refuses to write a role without one (\"a user claim must be defined on the role\")"
	}
	if ptr, err := f.boolean("user_claim_json_pointer"); err != "" {
		r.userErr = err
	} else {
		r.userPtr = ptr
	}
	r.subject, r.subjectErr = f.str("bound_subject")
	r.audiences, r.audErr = f.commaList("bound_audiences")
	redirects, _ := f.commaList("allowed_redirect_uris")
	r.redirects = len(redirects)
	r.groups, r.groupsErr = f.str("groups_claim")
	r.cidrs, _ = f.commaList("token_bound_cidrs")
	if len(r.cidrs) == 0 {
		r.cidrs, _ = f.commaList("bound_cidrs")
	}
	r.readBoundClaims(f)
	r.readMappings(f)
	r.leeways = readLeeways(f)
	r.lint = lintRole(r)
	return r
}

func (r *role) readType(f fields) {
	r.roleType, r.typeErr = f.str("role_type")
	if r.typeErr == "" && r.roleType != "" && r.roleType != "jwt" && r.roleType != "oidc" {
		r.typeErr = fmt.Sprintf("role_type %q is neither \"jwt\" nor \"oidc\": Vault refuses to write it (\"invalid 'role_type'\")", policy.Shorten(r.roleType, 60))
	}
	t, err := f.str("bound_claims_type")
	r.typeRaw = t
	switch {
	case err != "":
		r.claimsErr = err
	case t == "" || t == TypeString:
		r.claimsType = TypeString
	case t == TypeGlob:
		r.claimsType = TypeGlob
	default:
		r.claimsErr = fmt.Sprintf("bound_claims_type %q is neither \"string\" nor \"glob\": Vault refuses to write it (\"invalid 'bound_claims_type'\")", policy.Shorten(t, 60))
	}
}

// readBoundClaims compiles bound_claims, validating glob values as
// path_role.go does when the role is written.
func (r *role) readBoundClaims(f fields) {
	obj, err := f.object("bound_claims")
	if err != "" {
		r.claimsErr = err
		return
	}
	for _, m := range obj.Members {
		if m.Duplicate {
			continue
		}
		bc := boundClaim{key: m.Key, raw: m.Value}
		vals, ok := boundList(m.Value)
		switch {
		case obj.Count(m.Key) > 1:
			bc.err = fmt.Sprintf("bound_claims names %q %d times: Vault's JSON decoding keeps only the last; remove the duplicate", policy.Shorten(m.Key, 60), obj.Count(m.Key))
		case !ok:
			bc.err = fmt.Sprintf("the bound value is %s, not a string, bool, number or list: Vault fails every login with this role (\"bound claim is not a string, bool, int or list\")", boundValue(m.Value).describe())
		case r.claimsType == TypeGlob:
			for _, v := range vals {
				if v.kind != kString {
					bc.err = fmt.Sprintf("bound_claims_type is \"glob\" but this value holds %s: Vault refuses to write the role (\"claim is not a string: %s\")", v.describe(), v.render())
					break
				}
			}
		}
		bc.values = vals
		r.claims = append(r.claims, bc)
	}
}

// readMappings compiles claim_mappings with path_role.go's checks: the
// metadata key "role" is reserved and no two claims may map to one key.
func (r *role) readMappings(f fields) {
	obj, err := f.object("claim_mappings")
	if err != "" {
		r.mapErr = err
		return
	}
	targets := map[string]bool{}
	for _, m := range obj.Members {
		mp := mapping{source: m.Key, raw: m.Value}
		switch {
		case m.Value.Kind != decode.String:
			mp.err = fmt.Sprintf("claim_mappings maps %q to %s; metadata keys are strings", policy.Shorten(m.Key, 60), boundValue(m.Value).describe())
		case m.Duplicate:
			mp.target = m.Value.Text
			mp.err = fmt.Sprintf("claim_mappings names %q more than once; Vault's JSON decoding keeps only the last", policy.Shorten(m.Key, 60))
		case m.Value.Text == "role":
			mp.target = m.Value.Text
			mp.err = "metadata key \"role\" is reserved: Vault refuses to write the role (\"metadata key \\\"role\\\" is reserved and may not be a mapping destination\")"
		case targets[m.Value.Text]:
			mp.target = m.Value.Text
			mp.err = fmt.Sprintf("several claims map to metadata key %q: Vault refuses to write the role (\"multiple keys are mapped to metadata key\")", policy.Shorten(m.Value.Text, 60))
		default:
			mp.target = m.Value.Text
		}
		targets[mp.target] = true
		r.mappings = append(r.mappings, mp)
	}
}

// jwt reports whether the role can take JWT logins at all.
func (r *role) jwt() bool { return r.roleType == "jwt" && r.typeErr == "" }
