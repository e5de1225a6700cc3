package gcp

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// gcpPolicy is one parsed provider, with the IAM members attached to it.
type gcpPolicy struct {
	source, name  string
	res           resource
	hasRes        bool
	kind          string // oidc, aws, saml, x509, or "" when none is set
	issuer        string
	audiences     []string
	state         string
	disabled      bool
	mappings      []*mapping
	condition     *compiled // nil without attributeCondition
	members       []member
	problems      []string // what Google Cloud would refuse, or oidcscope cannot evaluate: the verdict is Error
	local         bool     // every problem is oidcscope's limit
	localProblems int      // problems that are oidcscope's limits, not CEL
	lint          []policy.Finding
}

// mapping is one attributeMapping entry: target = expression.
type mapping struct {
	target  string // google.subject, google.groups, attribute.<key>
	expr    *compiled
	problem string // the target or expression breaks Google Cloud's rules
}

func (p *gcpPolicy) Provider() string { return policy.GCP }
func (p *gcpPolicy) Source() string   { return p.source }
func (p *gcpPolicy) Name() string     { return p.name }

// Parse reads every provider of a document. A document that cannot be
// read, or holds no provider, is an error saying what and where; a
// provider with a bad field or an expression that does not compile is
// still returned and evaluates to Error, and its siblings are unaffected.
// Every CEL expression is compiled here, once. Sources get "#N" (1-based)
// when the document holds several providers.
func (provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	doc, err := read(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	found, err := entries(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	rt, err := sharedEnv()
	if err != nil {
		return nil, fmt.Errorf("%w: building the CEL environment: %v", ErrDocument, err)
	}
	out := make([]policy.Policy, 0, len(found))
	for _, e := range found {
		src := source
		if len(found) > 1 {
			src = fmt.Sprintf("%s#%d", source, e.index)
		}
		out = append(out, compileProvider(rt, doc.loc, src, e))
	}
	return out, nil
}

// fields reads a provider object's fields, recording what is malformed.
type fields struct {
	loc  locator
	obj  decode.Value
	path string
	p    *gcpPolicy
}

func (f fields) at(key string) string { return policy.FieldPath(f.path, key) }

func (f fields) problem(field string, off int64, format string, args ...any) {
	f.p.problems = append(f.p.problems, f.loc.at(field, off)+": "+fmt.Sprintf(format, args...))
}

// get returns a field, refusing a duplicated one.
func (f fields) get(obj decode.Value, path, key string) (decode.Value, int64, bool) {
	off := offsetOf(obj, key)
	v, ok := obj.Get(key)
	if ok && obj.Count(key) > 1 {
		f.problem(path, off, "appears %d times: ambiguous", obj.Count(key))
	}
	return v, off, ok
}

func (f fields) str(obj decode.Value, path, key string) (string, bool) {
	v, off, ok := f.get(obj, path, key)
	if !ok {
		return "", false
	}
	if v.Kind != decode.String {
		f.problem(path, off, "must be a string, not a %s", v.Kind)
		return "", false
	}
	return v.Text, true
}

func compileProvider(rt *celclaims.Runtime, loc locator, source string, e entry) *gcpPolicy {
	p := &gcpPolicy{source: source}
	f := fields{loc: loc, obj: e.obj, path: e.path, p: p}
	p.problems = append(p.problems, e.problems...)
	if e.obj.Kind != decode.Object {
		p.name = "provider " + e.path
		f.problem(e.path, -1, "is a %s, not a provider object", e.obj.Kind)
		return p
	}
	obj := e.obj
	name, hasName := f.str(obj, f.at("name"), "name")
	display, _ := f.str(obj, f.at("displayName"), "displayName")
	switch {
	case hasName:
		p.name = name
		if p.res, p.hasRes = gcpinfo.ParseResource(name); !p.hasRes {
			f.problem(f.at("name"), offsetOf(obj, "name"), "%s is not a provider name projects/<number>/locations/<location>/workloadIdentityPools/<pool>/providers/<id>", escape.Quoted(name))
		}
	case display != "":
		p.name = display
	case e.path != "":
		p.name = "provider " + e.path
	default:
		p.name = "workload identity pool provider (no name)"
	}
	p.readKind(f)
	if s, ok := f.str(obj, f.at("state"), "state"); ok {
		p.state = s
	}
	if v, off, ok := f.get(obj, f.at("disabled"), "disabled"); ok {
		if v.Kind != decode.Bool {
			f.problem(f.at("disabled"), off, "must be true or false, not a %s", v.Kind)
		}
		p.disabled = v.Kind == decode.Bool && v.Text == "true"
	}
	p.readMappings(rt, f)
	if cond, ok := f.str(obj, f.at("attributeCondition"), "attributeCondition"); ok {
		p.condition = compileCEL(rt, cond, "attributeCondition", true)
		if n := utf8.RuneCountInString(cond); n > MaxConditionChars {
			p.condition.err = joinErr(p.condition.err, fmt.Sprintf("the attribute condition is %d characters; Google Cloud allows at most %d", n, MaxConditionChars))
			p.condition.local = false
		}
		if p.condition.err != "" {
			f.problem(f.at("attributeCondition"), offsetOf(obj, "attributeCondition"), "%s", p.condition.err)
		}
	}
	p.readMembers(f, e.members)
	if p.kind == "oidc" && !hasName && len(p.audiences) == 0 {
		// gcloud always prints the name; without it the default audience
		// (the canonical name) is unknown, which is oidcscope's limit.
		f.problem(f.at("name"), -1, "is missing, and oidc.allowedAudiences is empty: the provider's default audience is its canonical name //iam.googleapis.com/<name>, so oidcscope cannot check aud; paste the provider as `gcloud iam workload-identity-pools providers describe --format=json` prints it")
		p.localProblems++
	}
	p.local = len(p.problems) > 0 && p.allLocal()
	p.lint = p.staticLint()
	return p
}

func joinErr(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// allLocal: every problem is oidcscope's limit (a CEL function it lacks,
// a missing name), not something Google Cloud refuses.
func (p *gcpPolicy) allLocal() bool {
	n := p.localProblems
	for _, m := range p.mappings {
		if m.expr != nil && m.expr.err != "" {
			if !m.expr.local {
				return false
			}
			n++
		}
	}
	if p.condition != nil && p.condition.err != "" {
		if !p.condition.local {
			return false
		}
		n++
	}
	return n == len(p.problems)
}

// readKind reads the oidc block (or notes an aws, saml or x509 provider).
func (p *gcpPolicy) readKind(f fields) {
	for _, k := range []string{"aws", "saml", "x509"} {
		if f.obj.Count(k) > 0 {
			p.kind = k
		}
	}
	o, off, ok := f.get(f.obj, f.at("oidc"), "oidc")
	if !ok {
		if p.kind == "" {
			f.problem(f.at("oidc"), -1, "is missing: a provider for GitHub Actions tokens is an OIDC provider with oidc.issuerUri")
		}
		return
	}
	path := f.at("oidc")
	if o.Kind != decode.Object {
		f.problem(path, off, "must be an object {\"issuerUri\": …}, not a %s", o.Kind)
		return
	}
	p.kind = "oidc"
	iss, ok := f.str(o, path+".issuerUri", "issuerUri")
	if !ok && !has(o, "issuerUri") {
		f.problem(path+".issuerUri", off, "is missing: an OIDC provider needs the issuer URI")
	}
	p.issuer = iss
	if v, aoff, ok := f.get(o, path+".allowedAudiences", "allowedAudiences"); ok {
		auds, err := stringList(v)
		if err != "" {
			f.problem(path+".allowedAudiences", aoff, "%s", err)
			return
		}
		if len(auds) > MaxAllowedAudiences {
			f.problem(path+".allowedAudiences", aoff, "lists %d audiences; Google Cloud allows at most %d", len(auds), MaxAllowedAudiences)
		}
		for i, a := range auds {
			if n := utf8.RuneCountInString(a); n > MaxAudienceChars {
				f.problem(path+".allowedAudiences["+strconv.Itoa(i)+"]", aoff, "is %d characters; Google Cloud allows at most %d", n, MaxAudienceChars)
			}
		}
		p.audiences = auds
	}
}

var attributeKey = lazyre.New(`^[a-z0-9_]+$`)

// readMappings reads and compiles attributeMapping, checking Google
// Cloud's rules for its keys and expressions [G1].
func (p *gcpPolicy) readMappings(rt *celclaims.Runtime, f fields) {
	path := f.at("attributeMapping")
	v, off, ok := f.get(f.obj, path, "attributeMapping")
	if !ok {
		if p.kind == "oidc" || p.kind == "" {
			f.problem(path, -1, "is missing: Google Cloud requires google.subject in the attribute mapping of an OIDC provider")
		}
		return
	}
	if v.Kind != decode.Object {
		f.problem(path, off, "must be an object of target: expression, not a %s", v.Kind)
		return
	}
	attrs, subject := 0, false
	for _, m := range v.Members {
		field := path + "[" + escape.Quoted(m.Key) + "]"
		mp := &mapping{target: m.Key}
		bad := func(format string, args ...any) {
			msg := fmt.Sprintf(format, args...)
			mp.problem = joinErr(mp.problem, msg)
			f.problem(field, m.Offset, "%s", msg)
		}
		if m.Duplicate {
			bad("appears more than once: ambiguous")
		}
		switch key, isAttr := strings.CutPrefix(m.Key, "attribute."); {
		case m.Key == "google.subject":
			subject = true
		case m.Key == "google.groups":
		case isAttr:
			attrs++
			switch {
			case key == "":
				bad("an attribute needs a name: attribute.<key>")
			case !attributeKey().MatchString(key):
				bad("attribute key %s may only contain [a-z0-9_]", escape.Quoted(key))
			case len(key) > MaxAttributeKey:
				bad("attribute key is %d characters; Google Cloud allows at most %d", len(key), MaxAttributeKey)
			}
		case strings.HasPrefix(m.Key, "google."):
			bad("%s is not a workload identity pool attribute: map google.subject, google.groups or attribute.<key>", m.Key)
		default:
			bad("%s is not a mappable attribute: keys are google.subject, google.groups or attribute.<key>", m.Key)
		}
		if m.Value.Kind != decode.String {
			bad("must be a CEL expression string, not a %s", m.Value.Kind)
			p.mappings = append(p.mappings, mp)
			continue
		}
		mp.expr = compileCEL(rt, m.Value.Text, field, false)
		if mp.expr.err != "" {
			mp.problem = joinErr(mp.problem, mp.expr.err)
			f.problem(field, m.Offset, "%s", mp.expr.err)
		}
		if n := utf8.RuneCountInString(m.Value.Text); n > MaxMappingExpression {
			bad("the expression is %d characters; Google Cloud allows at most %d", n, MaxMappingExpression)
			mp.expr.local = false
		}
		p.mappings = append(p.mappings, mp)
	}
	if attrs > MaxAttributes {
		f.problem(path, off, "maps %d custom attributes; Google Cloud allows at most %d", attrs, MaxAttributes)
	}
	if !subject && (p.kind == "oidc" || p.kind == "") {
		f.problem(path, off, "has no google.subject: Google Cloud requires it for OIDC providers")
	}
}

// readMembers reads oidcscopeMembers and the envelope's members.
func (p *gcpPolicy) readMembers(f fields, attached []memberRef) {
	var refs []memberRef
	if v, off, ok := f.get(f.obj, f.at(MembersField), MembersField); ok {
		list, err := stringList(v)
		if err != "" {
			f.problem(f.at(MembersField), off, "%s", err)
		}
		for i, s := range list {
			refs = append(refs, memberRef{text: s, group: MembersField, field: fmt.Sprintf("%s[%d]", f.at(MembersField), i)})
		}
	}
	refs = append(refs, attached...)
	for _, r := range refs {
		p.members = append(p.members, parseMember(r))
	}
}
