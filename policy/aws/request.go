package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// request is what AWS STS sees of one token: its issuer names the OIDC
// provider, and some of its claims become condition keys under the
// provider's prefix.
type request struct {
	tok        policy.Token
	iss        string // the iss claim ("" when absent or not a string)
	hasIss     bool
	path       string // iss without https://: the provider path and key prefix
	pathOK     bool
	github     bool // the issuer is one of GitHub's
	githubKeys bool // and AWS evaluates EvaluatedGitHubClaims for it
	lowPath    string
	wild       *policy.WildcardMeter // what wildcard matching and substitution may still spend
}

func newRequest(tok policy.Token) *request {
	r := &request{tok: tok, wild: policy.NewWildcardMeter()}
	r.iss, r.hasIss = tok.String("iss")
	if r.hasIss && !tok.Duplicated("iss") {
		r.path, r.pathOK = issuerPath(r.iss)
	}
	r.lowPath = strings.ToLower(r.path)
	r.github = r.pathOK && isGitHubProvider(r.lowPath)
	r.githubKeys = r.pathOK && githubKeyIssuer(r.lowPath)
	return r
}

// value is a condition key's value in the request.
type value struct {
	present bool
	values  []string // one for a string claim, the elements of an array
	multi   bool     // the claim is an array (aud may be)
	actual  string   // for Condition.Actual
	broken  string   // the claim cannot be compared (duplicated, object…): the condition fails
	notes   []string // how the key was resolved, when that is surprising
	hypo    *value   // for a GitHub key on a GHES issuer: the value if AWS does read the claim
}

// resolve finds the value of the condition's key for this token.
func (r *request) resolve(c *condition) value { return r.lookup(c.prefix, c.claim, c.key) }

// lookup finds the value of a provider key "<prefix>:<name>" (both
// lower-cased; key as written) for this token.
func (r *request) lookup(prefix, name, key string) value {
	switch {
	case !r.hasIss:
		return value{notes: []string{"the token has no iss claim, so no OIDC provider and none of its keys are in the request"}}
	case r.tok.Duplicated("iss"):
		return value{notes: []string{"the token carries iss more than once: which provider AWS would pick is undefined, so oidcscope treats every provider key as missing"}}
	case !r.pathOK:
		return value{notes: []string{fmt.Sprintf("the token's iss %s is not an https URL: AWS OIDC providers are https issuers, so none of this request's keys exist", escape.Quoted(r.iss))}}
	case prefix != r.lowPath:
		return value{notes: []string{fmt.Sprintf("this key is for issuer https://%s, the token's issuer is %s: AWS puts this token's claims under %s:%s, so the key is missing from the request", prefix, r.iss, r.path, name)}}
	}
	if claim, ok := defaultKeyClaim(name); ok {
		return r.defaultKey(name, claim)
	}
	if isGitHubClaim(name) && r.githubKeys {
		return r.claim(name)
	}
	tv := r.claim(name)
	if isGitHubClaim(name) && r.github {
		v := value{notes: []string{fmt.Sprintf("%s: AWS's data lists GitHub's keys for token.actions.githubusercontent.com, its enterprise and ghe.com issuers, not for GitHub Enterprise Server (HOST/_services/token), so oidcscope evaluates the key as missing", key)}}
		v.hypo = &tv
		return v
	}
	held := ""
	if tv.present {
		held = fmt.Sprintf(" (the token does have %s = %s, but AWS does not read it)", name, tv.actual)
	}
	known := defaultKeysText
	if r.githubKeys {
		known += " and, for GitHub's issuers, " + strings.Join(EvaluatedGitHubClaims(), ", ")
	}
	return value{notes: []string{fmt.Sprintf("%s is not a key AWS evaluates for this provider (AWS reads %s): the key is missing from the request%s", name, known, held)}}
}

// defaultKey reads a key of IAM's Default tab: aud from azp when the token
// sets it ("If no value is set for azp, the aud condition key maps to the
// aud claim"), oaud from aud, the others from the claim of their name.
func (r *request) defaultKey(key, claim string) value {
	if key == "aud" && r.tok.Count("azp") > 0 {
		v := r.claim("azp")
		note := "AWS fills the aud key from the token's azp claim when it has one (IAM docs, \"Available keys for AWS OIDC federation\", Default tab), so the key holds azp"
		if r.github {
			note += "; GitHub's tokens carry no azp, and AWS's GitHub tab does not restate the rule"
		}
		v.notes = append([]string{note}, v.notes...)
		return v
	}
	v := r.claim(claim)
	if key != "aud" && key != "sub" && r.github {
		v.notes = append(v.notes, fmt.Sprintf("%s is a key of IAM's Default tab; whether GitHub's issuers, which have their own tab, also get it is not documented: oidcscope assumes they do", key))
	}
	return v
}

// claim reads one token claim as AWS would compare it.
func (r *request) claim(name string) value {
	if n := r.tok.Count(name); n > 1 {
		return value{present: true, broken: fmt.Sprintf("the token carries %s %d times: which copy AWS would read is undefined, so oidcscope fails the condition", name, n), actual: "(duplicated)"}
	}
	v, ok := r.tok.Claim(name)
	if !ok {
		return value{}
	}
	switch v.Kind {
	case decode.String:
		return value{present: true, values: []string{v.Text}, actual: v.Text}
	case decode.Number, decode.Bool:
		return value{present: true, values: []string{v.Text}, actual: v.Text,
			notes: []string{fmt.Sprintf("the token's %s is a JSON %s, not a string as GitHub sends it; how AWS compares it is not documented, oidcscope compares its text %s", name, v.Kind, v.Text)}}
	case decode.Null:
		return value{notes: []string{fmt.Sprintf("the token's %s is null; oidcscope treats it as missing", name)}}
	case decode.Array:
		vals := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			if it.Kind != decode.String {
				return value{present: true, actual: compact(v), broken: fmt.Sprintf("the token's %s is an array holding a %s: AWS cannot compare it as strings, so oidcscope fails the condition", name, it.Kind)}
			}
			vals = append(vals, it.Text)
		}
		return value{present: true, values: vals, multi: true, actual: compact(v)}
	}
	return value{present: true, actual: compact(v), broken: fmt.Sprintf("the token's %s is a JSON %s: AWS cannot compare it as a string, so oidcscope fails the condition", name, v.Kind)}
}

// tri is a three-valued outcome: a value depending on AWS request context
// oidcscope cannot know makes a match "maybe".
type tri int8

const (
	triNo tri = iota
	triMaybe
	triYes
)

func (t tri) not() tri { return triYes - t }

func triOf(b bool) tri {
	if b {
		return triYes
	}
	return triNo
}

// test evaluates the condition against the key's value with IAM's rules,
// given the condition's values after substitution.
//
// Values are ORed within a key; a negated operator passes only when none of
// its values match (NOR). A key missing from the request makes the
// condition false, except for negated operators, …IfExists and
// ForAllValues: (true) and Null (which tests exactly that).
// ForAnyValue:…IfExists on a missing key is false: AWS documents
// ForAnyValue as false "if the key does not exist" and IfExists as true
// when "the key is not present", not which wins; AWS's simulator library
// and a 2025 write-up of IAM's behaviour ("IAM resolves the ForAnyValue part
// of the condition before …IfExists") both answer false.
//
// A multivalued key (an array aud) under an operator without
// ForAnyValue:/ForAllValues: fails, negated or not: "Multivalued context
// keys require a condition set operator" (IAM docs, "Single-valued vs.
// multivalued context keys"), and AWS's simulator library fails such a
// condition, citing AWS. ForAnyValue: asks whether some element matches
// (negated: some element matches no value); ForAllValues: whether every
// element does (an empty or missing key passes).
func (c *condition) test(v value, vals []resolvedValue) tri {
	return c.testFold(v, vals, strings.EqualFold)
}

// testFold is test with the IgnoreCase operators' case folding given.
func (c *condition) testFold(v value, vals []resolvedValue, fold func(a, b string) bool) tri {
	if v.broken != "" {
		return triNo
	}
	if c.base == opNull {
		return triOf(!v.present == c.boolVal)
	}
	if !v.present {
		switch {
		case c.set == setAny:
			return triNo
		case c.ifExist || c.set == setAll:
			return triYes
		}
		return triOf(c.negated())
	}
	one := func(x string) tri {
		if c.negated() {
			return c.matchOne(x, vals, fold).not()
		}
		return c.matchOne(x, vals, fold)
	}
	switch c.set {
	case setAll:
		out := triYes
		for _, x := range v.values {
			out = min(out, one(x))
		}
		return out
	case setAny:
		out := triNo
		for _, x := range v.values {
			out = max(out, one(x))
		}
		return out
	}
	if v.multi || len(v.values) != 1 {
		return triNo
	}
	return one(v.values[0])
}

// matchOne reports whether one request value matches any policy value,
// under the positive form of the operator: maybe when none does for sure
// and a value depends on request context oidcscope cannot know.
func (c *condition) matchOne(x string, vals []resolvedValue, fold func(a, b string) bool) tri {
	out := triNo
	for i := range vals {
		switch vals[i].state {
		case varUnknown:
			out = triMaybe
		case varValue:
			if c.hit(x, vals[i].pat, fold) {
				return triYes
			}
		}
	}
	return out
}

// hit compares one request value with one substituted policy value; fold
// is the IgnoreCase operators' comparison.
func (c *condition) hit(x string, p likePattern, fold func(a, b string) bool) bool {
	switch c.base {
	case opStringEquals, opStringNotEquals:
		return x == p.text
	case opStringEqualsIgnoreCase, opStringNotEqualsIgnoreCase:
		return fold(x, p.text)
	case opBool:
		return strings.EqualFold(x, p.text)
	case opStringLike, opStringNotLike:
		return p.match(x)
	}
	return false
}

// matching returns the first policy value that matches x, as a reader
// should see it ("" for none).
func (c *condition) matching(x string, vals []resolvedValue) string {
	for i := range vals {
		if vals[i].state == varValue && c.hit(x, vals[i].pat, strings.EqualFold) {
			if c.vals[i].hasVar {
				after := vals[i].pat.text
				if c.like() {
					after = vals[i].pat.display()
				}
				return escape.Quoted(c.values[i]) + " (" + escape.Quoted(after) + " after substitution)"
			}
			return escape.Quoted(c.values[i])
		}
	}
	return ""
}
