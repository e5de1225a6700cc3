package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// shownMax is how much of a substituted value a diagnosis shows.
const shownMax = 200

// varState is what the request holds for a policy variable's key.
type varState uint8

const (
	varValue   varState = iota // a single value, substituted
	varNone                    // no value: the condition value matches nothing
	varUnknown                 // AWS request context oidcscope cannot know from a token
)

// resolvedValue is one condition value after its variables are replaced.
type resolvedValue struct {
	state varState
	pat   likePattern // the value to compare (its text alone under the operators that have no wildcards)
	why   string      // varNone/varUnknown: which variable and why; varValue: what was substituted ("" for none)
}

// substitute replaces the variables of the condition's values (AWS docs,
// "Policy variables with no value": a variable whose key "has no value or
// is not present … is effectively null. There is no equal or like value",
// so a value holding one matches nothing, and negated operators "do match
// against a null value"). ok is false when the substituted text would cost
// more than the wildcard budget left.
func (r *request) substitute(c *condition) (vals []resolvedValue, ok bool) {
	if c.static != nil {
		return c.static, true
	}
	vals = make([]resolvedValue, len(c.vals))
	for i := range c.vals {
		cv := &c.vals[i]
		if !cv.hasVar {
			vals[i] = resolvedValue{pat: cv.pattern()}
			continue
		}
		rv, ok := r.resolveValue(cv)
		if !ok {
			return nil, false
		}
		vals[i] = rv
	}
	return vals, true
}

// resolveValue substitutes one value's variables, each once: the
// substituted text is literal and is not read again. Each piece's bytes
// are paid from the wildcard meter before they are copied; ok is false
// when the meter cannot pay.
func (r *request) resolveValue(cv *condValue) (rv resolvedValue, ok bool) {
	var (
		b     likeBuilder
		notes []string
	)
	for _, p := range cv.parts {
		if p.kind != partVar {
			if !r.wild.Afford(len(p.text) + 1) {
				return resolvedValue{}, false
			}
			b.add(p.kind, p.text)
			continue
		}
		text, st, why := r.variable(p.text)
		switch {
		case st == varValue:
			notes = append(notes, fmt.Sprintf("${%s} is %s", p.text, escape.Quoted(policy.Shorten(text, shownMax))))
		case st == varUnknown:
			return resolvedValue{state: varUnknown, why: fmt.Sprintf("%s uses ${%s}: %s", escape.Quoted(policy.Shorten(cv.raw, shownMax)), p.text, why)}, true
		case p.hasDef:
			text = p.def
			notes = append(notes, fmt.Sprintf("${%s} has no value (%s), so its default %s is used", p.text, why, escape.Quoted(p.def)))
		default:
			return resolvedValue{state: varNone, why: fmt.Sprintf("%s matches nothing: ${%s} has no value (%s), and a value with a variable that has no value and no default is \"effectively null\" (AWS docs, \"Policy variables with no value\")", escape.Quoted(policy.Shorten(cv.raw, shownMax)), p.text, why)}, true
		}
		if !r.wild.Afford(len(text)) {
			return resolvedValue{}, false
		}
		b.add(partText, text)
	}
	pat := b.pattern()
	return resolvedValue{pat: pat, why: fmt.Sprintf("%s reads %s after substitution: %s", escape.Quoted(policy.Shorten(cv.raw, shownMax)), escape.Quoted(policy.Shorten(pat.display(), shownMax)), strings.Join(notes, "; "))}, true
}

// variable looks a policy variable's key up in this request.
func (r *request) variable(name string) (string, varState, string) {
	prefix, claim, kind := splitKey(name)
	switch kind {
	case keyBad:
		return "", varNone, fmt.Sprintf("%s is not a condition key", escape.Quoted(name))
	case keyContext:
		return contextVariable(prefix, claim, name)
	}
	v := r.lookup(prefix, claim, name)
	switch {
	case v.broken != "":
		return "", varNone, v.broken
	case !v.present:
		if len(v.notes) > 0 {
			return "", varNone, v.notes[0]
		}
		return "", varNone, fmt.Sprintf("the token has no %s claim", claim)
	case v.multi:
		return "", varNone, fmt.Sprintf("the token's %s is an array, so the key is multivalued, and AWS: \"You can't use a multivalued condition key as a variable\"", claim)
	case v.values[0] == "":
		return "", varNone, fmt.Sprintf("the token's %s is empty; AWS does not document whether an empty value counts as no value or is substituted as empty text: oidcscope takes it as no value, as AWS's simulator library does", claim)
	}
	return v.values[0], varValue, ""
}

// contextVariable answers for a key of the AWS request rather than the
// token. A few are documented as absent from an AssumeRoleWithWebIdentity
// request; every other one may hold a value oidcscope cannot know.
func contextVariable(prefix, name, written string) (string, varState, string) {
	switch {
	case prefix == "aws" && name == "username":
		return "", varNone, "IAM's table of principal key values lists aws:username as not present for an OIDC federated principal"
	case prefix == "aws" && name == "tokenissuetime":
		return "", varNone, "aws:TokenIssueTime is present only in requests signed with temporary credentials, and AssumeRoleWithWebIdentity is not signed"
	case prefix == "aws" && strings.HasPrefix(name, "principaltag/"):
		return "", varNone, "aws:PrincipalTag/… holds the tags of an IAM user or role making the request, and a web identity caller is neither"
	}
	return "", varUnknown, fmt.Sprintf("%s comes from the AWS request, not the token: oidcscope cannot know its value", written)
}
