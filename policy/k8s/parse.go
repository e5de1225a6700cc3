package k8s

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Parse reads one AuthenticationConfiguration into ONE policy.
//
// Why one policy per document and not one per jwt[] entry: kube-apiserver
// does not try a token against every authenticator. Each jwt[] entry must
// have a unique issuer.url, and the token is handed to the one whose url
// equals the token's (unverified) iss; the others never see it. The
// document is therefore a single trust decision that starts by picking the
// authenticator by issuer, and that is how it is evaluated: the Summary
// names the authenticator picked, and a token whose iss matches none is
// denied with "no jwt authenticator for issuer X". One policy per entry
// would instead show every other entry as a spurious deny.
//
// Every CEL expression is compiled here, once. Problems kube-apiserver's
// validation would refuse (including CEL that does not compile) do not
// fail Parse: the policy is returned and evaluates to an Error verdict
// that lists them, with the offending condition marked errored.
func (provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	cfg, err := decodeConfig(data)
	if err != nil {
		return nil, err
	}
	e, err := sharedEnvs()
	if err != nil {
		return nil, fmt.Errorf("%w: building the CEL environment: %v", ErrDocument, err)
	}
	p := &k8sPolicy{source: source}
	seen := map[string]int{}
	for i, spec := range cfg.JWT {
		a := compileAuthenticator(e, spec, i)
		if j, dup := seen[spec.Issuer.URL]; dup && spec.Issuer.URL != "" {
			a.issuerErrs = append(a.issuerErrs, fmt.Sprintf("%s.issuer.url: Duplicate value: %s (also jwt[%d]): issuer URLs must be unique", a.path, escape.Quoted(spec.Issuer.URL), j))
		} else {
			seen[spec.Issuer.URL] = i
		}
		p.auths = append(p.auths, a)
	}
	p.name = policyName(cfg)
	p.validate(validateDocument(cfg))
	return []policy.Policy{p}, nil
}

func policyName(cfg Config) string {
	var urls []string
	for _, a := range cfg.JWT {
		urls = append(urls, a.Issuer.URL)
	}
	if len(urls) == 0 {
		return Kind + " (no jwt authenticators)"
	}
	return strings.Join(urls, ", ")
}

// k8sPolicy is one parsed AuthenticationConfiguration.
type k8sPolicy struct {
	source, name string
	auths        []*authenticator
	errs         []string // validation problems: kube-apiserver refuses the file
	local        bool     // errs are all oidcscope's CEL limits
}

func (p *k8sPolicy) Provider() string { return policy.K8s }
func (p *k8sPolicy) Source() string   { return p.source }
func (p *k8sPolicy) Name() string     { return p.name }

// authenticator is one compiled jwt[] entry.
type authenticator struct {
	index      int
	path       string // jwt[i]
	spec       JWTAuthenticator
	issuerErrs []string // url, discoveryURL
	audErrs    []string
	rules      []*rule
	username   *mapping
	groups     *mapping // nil when not configured
	uid        *mapping // nil when not configured
	extra      []*mapping
	userRules  []*userRule
	otherErrs  []string // not tied to one condition
}

type rule struct {
	spec ClaimValidationRule
	path string
	cel  *compiled // nil for claim/requiredValue rules
	errs []string
}

// mapping is username, groups, uid or one extra entry.
type mapping struct {
	what   string // "username", "groups", "uid", "extra[acme.io/x]"
	path   string
	claim  string
	prefix *string
	cel    *compiled // nil when mapped from a claim
	errs   []string
}

type userRule struct {
	spec UserValidationRule
	path string
	cel  *compiled
	errs []string
}

func compileAuthenticator(e envs, spec JWTAuthenticator, i int) *authenticator {
	a := &authenticator{index: i, path: fmt.Sprintf("jwt[%d]", i), spec: spec}
	ip := a.path + ".issuer"
	a.issuerErrs = slices.Concat(validateIssuerURL(spec.Issuer.URL, ip+".url"), validateDiscoveryURL(spec.Issuer, ip+".discoveryURL"),
		validateCertificateAuthority(spec.Issuer.CertificateAuthority, ip+".certificateAuthority"),
		validateEgressSelector(spec.Issuer.EgressSelectorType, ip+".egressSelectorType"))
	a.audErrs = validateAudiences(spec.Issuer, ip)

	seenClaims, seenExprs := map[string]bool{}, map[string]bool{}
	for j, r := range spec.ClaimValidationRules {
		path := fmt.Sprintf("%s.claimValidationRules[%d]", a.path, j)
		cr := &rule{spec: r, path: path, errs: validateRule(r, path, seenClaims, seenExprs)}
		if r.Expression != "" && r.Claim == "" {
			cr.cel = compileCEL(e.claims, r.Expression, path+".expression", true)
			cr.errs = appendCELErr(cr.errs, cr.cel)
		}
		a.rules = append(a.rules, cr)
	}

	cm := spec.ClaimMappings
	mp := a.path + ".claimMappings"
	a.username = compileMapping(e, "username", mp+".username", cm.Username.Claim, cm.Username.Prefix, cm.Username.Expression)
	a.username.errs = append(validatePrefixed(cm.Username, mp+".username", true), a.username.errs...)
	if cm.Groups.Claim != "" || cm.Groups.Expression != "" || cm.Groups.Prefix != nil {
		a.groups = compileMapping(e, "groups", mp+".groups", cm.Groups.Claim, cm.Groups.Prefix, cm.Groups.Expression)
		a.groups.errs = append(validatePrefixed(cm.Groups, mp+".groups", false), a.groups.errs...)
	}
	if cm.UID.Claim != "" || cm.UID.Expression != "" {
		a.uid = compileMapping(e, "uid", mp+".uid", cm.UID.Claim, nil, cm.UID.Expression)
		if cm.UID.Claim != "" && cm.UID.Expression != "" {
			a.uid.errs = append(a.uid.errs, mp+".uid: Invalid value: claim and expression can't both be set")
		}
	}
	seenKeys := map[string]bool{}
	for j, x := range cm.Extra {
		path := fmt.Sprintf("%s.extra[%d]", mp, j)
		m := &mapping{what: fmt.Sprintf("extra[%s]", x.Key), path: path, errs: validateExtraKey(x.Key, path)}
		switch {
		case seenKeys[x.Key]:
			m.errs = append(m.errs, fmt.Sprintf("%s.key: Duplicate value: %s", path, escape.Quoted(x.Key)))
		case x.ValueExpression == "":
			m.errs = append(m.errs, path+".valueExpression: Required value: valueExpression is required")
		default:
			m.cel = compileCEL(e.claims, x.ValueExpression, path+".valueExpression", false)
			m.errs = appendCELErr(m.errs, m.cel)
		}
		seenKeys[x.Key] = true
		a.extra = append(a.extra, m)
	}

	seenUser := map[string]bool{}
	for j, r := range spec.UserValidationRules {
		path := fmt.Sprintf("%s.userValidationRules[%d]", a.path, j)
		ur := &userRule{spec: r, path: path}
		switch {
		case r.Expression == "":
			ur.errs = append(ur.errs, path+".expression: Required value: expression is required")
		case seenUser[r.Expression]:
			ur.errs = append(ur.errs, fmt.Sprintf("%s.expression: Duplicate value: %s", path, escape.Quoted(r.Expression)))
		default:
			ur.cel = compileCEL(e.user, r.Expression, path+".expression", true)
			ur.errs = appendCELErr(ur.errs, ur.cel)
		}
		seenUser[r.Expression] = true
		a.userRules = append(a.userRules, ur)
	}
	a.otherErrs = emailVerifiedRule(a)
	return a
}

func compileMapping(e envs, what, path, claim string, prefix *string, expr string) *mapping {
	m := &mapping{what: what, path: path, claim: claim, prefix: prefix}
	if expr != "" && claim == "" {
		m.cel = compileCEL(e.claims, expr, path+".expression", false)
		m.errs = appendCELErr(m.errs, m.cel)
	}
	return m
}

func appendCELErr(errs []string, c *compiled) []string {
	if c == nil || c.err == "" {
		return errs
	}
	return append(errs, c.field+": Invalid value: "+c.err)
}

// emailVerifiedRule: when username.expression selects claims.email, some
// expression (username, extra, claimValidationRules) must select
// claims.email_verified: kube-apiserver's rule, on selections only (see
// selects). With username.claim: email it checks email_verified itself.
func emailVerifiedRule(a *authenticator) []string {
	if a.username.cel == nil || a.username.cel.root == nil || !selects(a.username.cel.root, "email") {
		return nil
	}
	reads := func(c *compiled) bool { return c != nil && c.root != nil && selects(c.root, "email_verified") }
	if reads(a.username.cel) {
		return nil
	}
	for _, x := range a.extra {
		if reads(x.cel) {
			return nil
		}
	}
	for _, r := range a.rules {
		if reads(r.cel) {
			return nil
		}
	}
	return []string{fmt.Sprintf("%s.claimMappings.username.expression: Invalid value: %s: claims.email_verified must be used in claimMappings.username.expression or claimMappings.extra[*].valueExpression or claimValidationRules[*].expression when claims.email is used in claimMappings.username.expression", a.path, escape.Quoted(a.username.cel.src))}
}

// errs lists every validation problem of the authenticator, in document order.
func (a *authenticator) errs() []string {
	out := slices.Concat(a.issuerErrs, a.audErrs)
	for _, r := range a.rules {
		out = append(out, r.errs...)
	}
	out = append(out, a.username.errs...)
	for _, m := range []*mapping{a.groups, a.uid} {
		if m != nil {
			out = append(out, m.errs...)
		}
	}
	for _, m := range a.extra {
		out = append(out, m.errs...)
	}
	for _, r := range a.userRules {
		out = append(out, r.errs...)
	}
	return append(out, a.otherErrs...)
}

// validate collects the document's validation problems once (docErrs
// span authenticators; tooMany means kube-apiserver reports only them);
// local says that all of them are CEL functions oidcscope lacks (its
// limit, not a refusal by Kubernetes).
func (p *k8sPolicy) validate(docErrs []string, tooMany bool) {
	if tooMany {
		p.errs = docErrs
		return
	}
	nLocal := 0
	for _, a := range p.auths {
		p.errs = append(p.errs, a.errs()...)
		for _, c := range a.allCEL() {
			if c.err != "" && c.local {
				nLocal++
			}
		}
	}
	p.errs = append(p.errs, docErrs...)
	p.local = len(p.errs) > 0 && nLocal == len(p.errs)
}

func (a *authenticator) allCEL() []*compiled {
	var out []*compiled
	for _, r := range a.rules {
		if r.cel != nil {
			out = append(out, r.cel)
		}
	}
	for _, m := range append([]*mapping{a.username, a.groups, a.uid}, a.extra...) {
		if m != nil && m.cel != nil {
			out = append(out, m.cel)
		}
	}
	for _, r := range a.userRules {
		if r.cel != nil {
			out = append(out, r.cel)
		}
	}
	return out
}
