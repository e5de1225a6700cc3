package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// request is what AWS STS sees of one token: its issuer names the OIDC
// provider, and some of its claims become condition keys under the
// provider's prefix.
type request struct {
	tok     policy.Token
	iss     string // the iss claim ("" when absent or not a string)
	hasIss  bool
	path    string // iss without https://: the provider path and key prefix
	pathOK  bool
	github  bool // the issuer is one of GitHub's
	lowPath string
	wild    *policy.WildcardMeter // what wildcard matching may still spend
}

func newRequest(tok policy.Token) *request {
	r := &request{tok: tok, wild: policy.NewWildcardMeter()}
	r.iss, r.hasIss = tok.String("iss")
	if r.hasIss && !tok.Duplicated("iss") {
		r.path, r.pathOK = issuerPath(r.iss)
	}
	r.lowPath = strings.ToLower(r.path)
	r.github = r.pathOK && isGitHubProvider(r.lowPath)
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
	hypo    *value   // for an unconfirmed key: the value if AWS does read the claim
}

// resolve finds the value of a provider key for this token.
func (r *request) resolve(c *condition) value {
	switch {
	case !r.hasIss:
		return value{notes: []string{"the token has no iss claim, so no OIDC provider and none of its keys are in the request"}}
	case r.tok.Duplicated("iss"):
		return value{notes: []string{"the token carries iss more than once: which provider AWS would pick is undefined, so oidcscope treats every provider key as missing"}}
	case !r.pathOK:
		return value{notes: []string{fmt.Sprintf("the token's iss %s is not an https URL: AWS OIDC providers are https issuers, so none of this request's keys exist", quote(r.iss))}}
	case c.prefix != r.lowPath:
		return value{notes: []string{fmt.Sprintf("this key is for issuer https://%s, the token's issuer is %s: AWS puts this token's claims under %s:%s, so the key is missing from the request", c.prefix, r.iss, r.path, c.claim)}}
	}
	if evaluated(c.claim) && (r.github || classicKeys[c.claim]) {
		return r.claim(c.claim)
	}
	tv := r.claim(c.claim)
	held := ""
	if tv.present {
		held = fmt.Sprintf(" (the token does have %s = %s, but AWS does not read it)", c.claim, tv.actual)
	}
	if r.github && unconfirmedKeys[c.claim] {
		v := value{notes: []string{fmt.Sprintf("%s is unconfirmed: one secondary source lists it as an AWS condition key, AWS's own list of GitHub keys does not; oidcscope evaluates it as missing, as the established list implies", c.key)}}
		v.hypo = &tv
		return v
	}
	known := "aud, sub, azp and amr"
	if r.github {
		known = "aud, sub and, since 2026 (secondary sources), " + strings.Join(keys2026Order, ", ")
	}
	return value{notes: []string{fmt.Sprintf("%s is not a key AWS evaluates for this provider (AWS reads %s): the key is missing from the request%s", c.claim, known, held)}}
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

// test evaluates the condition against the key's value with IAM's rules.
//
// Values are ORed within a key; a negated operator passes only when none of
// its values match (NOR). A key missing from the request makes the
// condition false, except for negated operators, …IfExists and
// ForAllValues: (true) and Null (which tests exactly that).
//
// GitHub's keys are single-valued, but a token's aud may be an array. For an
// operator without a set prefix over an array, oidcscope does what AWS does
// for a multivalued aud: StringEquals passes when any element matches any
// value, and a negated operator passes when no element matches any value.
// ForAnyValue: asks whether some element matches (negated: some element
// matches no value); ForAllValues: whether every element does (an empty or
// missing key passes).
func (c *condition) test(v value) bool {
	if v.broken != "" {
		return false
	}
	if c.base == opNull {
		return !v.present == c.boolVal
	}
	if !v.present {
		switch {
		case c.ifExist || c.set == setAll:
			return true
		case c.set == setAny:
			return false
		}
		return c.negated()
	}
	switch c.set {
	case setAll:
		for _, x := range v.values {
			if c.matchOne(x) == c.negated() {
				return false
			}
		}
		return true
	case setAny:
		for _, x := range v.values {
			if c.matchOne(x) != c.negated() {
				return true
			}
		}
		return false
	}
	for _, x := range v.values {
		if c.matchOne(x) {
			return !c.negated()
		}
	}
	return c.negated()
}

// matchOne reports whether one request value matches any policy value,
// under the positive form of the operator.
func (c *condition) matchOne(x string) bool {
	return c.matching(x) != ""
}

// matching returns the first policy value that matches x ("" for none; a
// policy value "" matching an empty x is reported as `""`).
func (c *condition) matching(x string) string {
	for _, want := range c.values {
		var hit bool
		switch c.base {
		case opStringEquals, opStringNotEquals:
			hit = x == want
		case opStringEqualsIgnoreCase, opStringNotEqualsIgnoreCase, opBool:
			hit = strings.EqualFold(x, want)
		case opStringLike, opStringNotLike:
			hit = policy.MatchWildcard(want, x)
		}
		if hit {
			return quote(want)
		}
	}
	return ""
}
