package vault

import (
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
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
	refusals   []refusal // why Vault would not store the role (store.go)
}

// boundClaim is one bound_claims entry.
type boundClaim struct {
	key      string
	raw      decode.Value
	values   []value // as Vault normalises them
	err      string  // Vault refuses to store the role for this entry
	unusable string  // Vault stores it but fails every login that reaches it: its answer
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
		r.shapeErr = fmt.Sprintf("role %s is a %s, not an object of role fields", escape.Quoted(policy.Shorten(e.name, 60)), e.obj.Kind)
		if e.line > 0 {
			r.shapeErr += fmt.Sprintf(" (line %d)", e.line)
		}
		return r
	}
	f := fields{obj: e.obj, where: "role"}
	r.readType(f)
	r.userClaim, r.userErr = f.str("user_claim")
	if r.userErr == "" && r.userClaim == "" {
		r.userErr = "the role has no user_claim: " + storeRefusal("a user claim must be defined on the role")
		r.refuse(stepUserClaim, "a user claim must be defined on the role", "")
	}
	if ptr, err := f.boolean("user_claim_json_pointer"); err != "" {
		r.userErr = err
	} else {
		r.userPtr = ptr
	}
	r.subject, r.subjectErr = f.str("bound_subject")
	r.audiences, r.audErr = f.commaList("bound_audiences")
	r.refuseList(f, "bound_audiences")
	r.refuseList(f, "allowed_redirect_uris")
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
	r.checkStorable(f)
	r.lint = lintRole(r, e.obj)
	return r
}

func (r *role) readType(f fields) {
	r.roleType, r.typeErr = f.str("role_type")
	if r.typeErr == "" && r.roleType != "" && r.roleType != "jwt" && r.roleType != "oidc" {
		r.typeErr = fmt.Sprintf("role_type %s is neither \"jwt\" nor \"oidc\": %s", escape.Quoted(policy.Shorten(r.roleType, 60)), storeRefusal("invalid 'role_type': "+r.roleType))
		r.refuse(stepRoleType, "invalid 'role_type': "+r.roleType, fmt.Sprintf("role_type %s is neither \"jwt\" nor \"oidc\"", escape.Quoted(policy.Shorten(r.roleType, 60))))
	}
	t, err := f.str("bound_claims_type")
	r.typeRaw = t
	switch {
	case err != "":
		r.claimsErr = err
	case !f.present("bound_claims_type") || t == TypeString:
		r.claimsType = TypeString
	case t == TypeGlob:
		r.claimsType = TypeGlob
	default: // including "" and null: only an absent field takes the default
		r.claimsErr = fmt.Sprintf("bound_claims_type %s is neither \"string\" nor \"glob\" (only leaving it out means \"string\"): %s", escape.Quoted(policy.Shorten(t, 60)), storeRefusal("invalid 'bound_claims_type': "+t))
		r.refuse(stepClaimsType, "invalid 'bound_claims_type': "+t, fmt.Sprintf("bound_claims_type %s is neither \"string\" nor \"glob\" (only leaving it out means \"string\")", escape.Quoted(policy.Shorten(t, 60))))
	}
}

// readBoundClaims compiles bound_claims, validating glob values as
// path_role.go does when the role is written. Of duplicate keys the last
// counts, as in Vault's JSON decoding.
func (r *role) readBoundClaims(f fields) {
	obj, err, vaultMsg := f.weakMap("bound_claims")
	if err != "" {
		r.claimsErr = err
		r.refuse(stepFields, vaultMsg, whyOf(err, vaultMsg))
		return
	}
	for _, m := range lastMembers(obj) {
		bc := boundClaim{key: m.Key, raw: m.Value}
		vals, ok := boundList(m.Value)
		switch {
		case r.claimsType == TypeGlob && !ok:
			msg := "claim is not a string or list: " + goValue(m.Value)
			bc.err = fmt.Sprintf("bound_claims_type is \"glob\" and the bound value is %s: %s", boundValue(m.Value).describe(), storeRefusal(msg))
			r.refuse(stepGlobValues, msg, fmt.Sprintf("bound_claims_type is \"glob\" and bound claim %s is %s", escape.Quoted(policy.Shorten(m.Key, 60)), boundValue(m.Value).describe()))
		case r.claimsType == TypeGlob:
			for j, v := range vals {
				if v.kind != kString {
					msg := "claim is not a string: " + goValue(elementOf(m.Value, j))
					bc.err = fmt.Sprintf("bound_claims_type is \"glob\" but this value holds %s: %s", v.describe(), storeRefusal(msg))
					r.refuse(stepGlobValues, msg, fmt.Sprintf("bound_claims_type is \"glob\" and bound claim %s holds %s", escape.Quoted(policy.Shorten(m.Key, 60)), v.describe()))
					break
				}
			}
		case !ok:
			bc.unusable = "bound claim is not a string, bool, int or list: " + goValue(m.Value)
		}
		bc.values = vals
		r.claims = append(r.claims, bc)
	}
}

// elementOf is a bound value's j-th element as Vault lists it: the value
// itself when it is not a list.
func elementOf(v decode.Value, j int) decode.Value {
	if v.Kind == decode.Array {
		return v.Items[j]
	}
	return v
}

// readMappings compiles claim_mappings with path_role.go's checks: the
// metadata key "role" is reserved and no two claims may map to one key.
func (r *role) readMappings(f fields) {
	obj, err, vaultMsg := f.kvPairs("claim_mappings")
	if err != "" {
		r.mapErr = err
		if vaultMsg != "" {
			r.refuse(stepFields, vaultMsg, whyOf(err, vaultMsg))
		}
		return
	}
	targets := map[string]bool{}
	for _, m := range lastMembers(obj) {
		mp := mapping{source: m.Key, raw: m.Value}
		target, good := weakString(m.Value)
		switch {
		case !good:
			mp.err = fmt.Sprintf("claim_mappings maps %s to %s; metadata keys are strings", escape.Quoted(policy.Shorten(m.Key, 60)), boundValue(m.Value).describe())
		case target == "role":
			mp.target = target
			msg := "metadata key " + escape.Quoted(target) + " is reserved and may not be a mapping destination"
			mp.err = "metadata key \"role\" is reserved: " + storeRefusal(msg)
			r.refuse(stepMappings, msg, "")
		case targets[target]:
			mp.target = target
			msg := "multiple keys are mapped to metadata key " + escape.Quoted(target)
			mp.err = fmt.Sprintf("several claims map to metadata key %s: %s", escape.Quoted(policy.Shorten(target, 60)), storeRefusal(msg))
			r.refuse(stepMappings, msg, "")
		default:
			mp.target = target
		}
		targets[mp.target] = true
		r.mappings = append(r.mappings, mp)
	}
}

// refuseList records Vault's refusal of a comma-string-list field holding
// lists or objects.
func (r *role) refuseList(f fields, key string) {
	v, ok := f.get(key)
	if !ok || v.Kind != decode.Array {
		return
	}
	if errs := listElementErrors(v); len(errs) > 0 {
		r.refuse(stepFields, fieldValidation(key, decodingErrors(errs)), key+" holds a list or an object; Vault expects strings")
	}
}

// jwt reports whether the role can take JWT logins at all.
func (r *role) jwt() bool { return r.roleType == "jwt" && r.typeErr == "" }
