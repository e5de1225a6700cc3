package k8s

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// mapUser evaluates claimMappings (username, groups, uid, extra) as
// kube-apiserver's OIDC authenticator does, one condition each. ok is
// false when any of them failed: the token is then rejected, and the
// userValidationRules do not run.
func (a *authenticator) mapUser(ev *evaluation) (UserInfo, bool) {
	var u UserInfo
	ok := true
	record := func(c policy.Condition, why string) {
		c.Group = a.path
		if c.Result != policy.Pass {
			ok = false
		}
		ev.Add(c, why)
	}

	vals, c, why := a.username.run(ev, "a non-empty string")
	if len(vals) == 1 {
		u.Username = vals[0]
	}
	record(c, why)
	if a.groups != nil {
		vals, c, why = a.groups.run(ev, "a string or a list of strings (none when absent)")
		u.Groups = vals
		record(c, why)
	}
	if a.uid != nil {
		vals, c, why = a.uid.run(ev, "a string")
		if len(vals) == 1 {
			u.UID = vals[0]
		}
		record(c, why)
	}
	if id := credentialID(ev.tok); id != "" {
		u.Extra = map[string][]string{credentialIDKey: {id}}
	}
	for _, x := range a.extra {
		vals, c, why = x.run(ev, "a string or a list of strings (none when empty)")
		if len(vals) > 0 {
			if u.Extra == nil {
				u.Extra = map[string][]string{}
			}
			u.Extra[strings.TrimSuffix(strings.TrimPrefix(x.what, "extra["), "]")] = vals
		}
		record(c, why)
	}
	return u, ok
}

// run evaluates one mapping and returns its values and condition.
func (m *mapping) run(ev *evaluation, expected string) ([]string, policy.Condition, string) {
	c := policy.Condition{Expected: []string{expected}}
	if m.cel != nil {
		c.Expression, c.Claims = m.cel.src, slices.Clone(m.cel.claims)
	} else {
		c.Expression = m.what + ": {claim: " + m.claim
		if m.prefix != nil {
			c.Expression += ", prefix: " + strconv.Quote(*m.prefix) // YAML, as the document writes it: not a message
		}
		c.Expression += "}"
		c.Claims = []string{}
		if m.claim != "" {
			c.Claims = []string{m.claim}
		}
	}
	if len(m.errs) > 0 {
		c.Result, c.Diagnosis = policy.Errored, lines(m.errs)
		return nil, c, ""
	}
	c.Diagnosis = kubernetesDecoding.Duplicated(ev.orig, c.Claims)
	if m.cel != nil {
		c.Diagnosis = append(c.Diagnosis, m.cel.notes...)
	}
	var vals []string
	var problem, missing string
	if m.cel != nil {
		var stop error
		vals, problem, missing, stop = m.runCEL(ev)
		if why, over := overLimit(&c, m.cel.field, stop); over {
			return nil, c, why
		}
		if ev.Stopped(&c, m.cel.field, stop) {
			return nil, c, ""
		}
		if missing != "" {
			_, c.Absent = actual(ev.tok, c.Claims)
			c.Diagnosis = append(c.Diagnosis, policy.Absent(missing))
		}
	} else {
		vals, problem, c.Absent = m.runClaim(ev.tok)
	}
	c.Actual = render(m.what, vals)
	if problem != "" {
		c.Result = policy.Fail
		c.Diagnosis = append([]string{problem}, c.Diagnosis...)
		switch {
		case c.Absent:
			c.Actual = ""
		case missing != "":
			// The claims it reads, the missing one named among them.
			c.Actual, _ = actual(ev.tok, c.Claims)
		}
		return nil, c, m.what + ": " + firstLine(problem)
	}
	c.Result = policy.Pass
	if m.what == "username" && m.cel == nil && len(vals) == 1 && vals[0] == "" {
		c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("the username is empty (%s is \"\" and there is no prefix): kube-apiserver refuses an empty username only from an expression, and accepts this one (an upstream gap): RBAC bindings for the user \"\" would apply", m.claim))
	}
	return vals, c, ""
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func render(what string, vals []string) string {
	if what == "username" || what == "uid" {
		if len(vals) == 1 {
			return vals[0]
		}
		return ""
	}
	if len(vals) == 0 {
		return "(none)"
	}
	return "[" + strings.Join(vals, ", ") + "]"
}

// runCEL evaluates an expression mapping; stop is the error when
// oidcscope's CEL bounds stopped it.
func (m *mapping) runCEL(ev *evaluation) (vals []string, problem, missing string, stop error) {
	out, err := ev.Meter.Eval(m.cel.prg, ev.celVars())
	if errors.Is(err, celclaims.ErrCostLimit) {
		return nil, "", "", err
	}
	if err != nil {
		missing, _ = celclaims.MissingKey(err)
		return nil, fmt.Sprintf("CEL runtime error: %v: kube-apiserver rejects the token (error evaluating %s claim expression)", err, m.what), missing, nil
	}
	switch m.what {
	case "username", "uid":
		s, isStr := out.(types.String)
		if !isStr {
			return nil, fmt.Sprintf("%s claim expression must return a string, this one returned %s", m.what, out.Type().TypeName()), "", nil
		}
		if s == "" && m.what == "username" {
			return nil, "empty username via CEL expression is not allowed", "", nil
		}
		return []string{string(s)}, "", "", nil
	}
	list, err := stringList2(out)
	if err != nil {
		return nil, fmt.Sprintf("%s: %v", m.what, err), "", nil
	}
	return list, "", "", nil
}

// stringList2 is Kubernetes' convertCELValueToStringList, followed to
// the letter: a string ("" is none), null, or a list whose Go value is
// []any or []ref.Val holding strings (empty ones dropped). A list cel-go
// keeps as []string, such as split()'s result, is refused although it
// holds strings: an upstream quirk (`.map(x, x)` makes it a []ref.Val).
func stringList2(v ref.Val) ([]string, error) {
	bad := fmt.Errorf("expression must return a string or a list of strings, this one returned %s", v.Type().TypeName())
	switch v.Type().TypeName() {
	case types.StringType.TypeName():
		if s, _ := v.Value().(string); s != "" {
			return []string{s}, nil
		}
		return nil, nil
	case types.NullType.TypeName():
		return nil, nil
	case types.ListType.TypeName():
	default:
		return nil, bad
	}
	var out []string
	keep := func(s string, ok bool) error {
		if !ok {
			return bad
		}
		if s != "" {
			out = append(out, s)
		}
		return nil
	}
	switch elems := v.Value().(type) {
	case []any:
		for _, e := range elems {
			s, ok := e.(string)
			if err := keep(s, ok); err != nil {
				return nil, err
			}
		}
	case []ref.Val:
		for _, e := range elems {
			s, ok := e.Value().(string)
			if err := keep(s, ok); err != nil {
				return nil, err
			}
		}
	default:
		return nil, fmt.Errorf("expression must return a string or a list of strings, this one returned a list kube-apiserver's converter does not read (%T: cel-go's own list of strings, as split() returns; rebuild it with .map(x, x))", elems)
	}
	return out, nil
}

// runClaim maps from a claim, decoding it as Go's encoding/json decodes
// into a string (JSON null becomes "", other types fail).
func (m *mapping) runClaim(tok policy.Token) (vals []string, problem string, absent bool) {
	v, ok := tok.Claim(m.claim)
	if !ok {
		if m.what == "groups" {
			return nil, "", false // no groups
		}
		return nil, fmt.Sprintf("%s\nkube-apiserver: parse %s claim %s: claim not present", policy.Absent(m.claim), m.what, escape.Quoted(m.claim)), true
	}
	prefix := ""
	if m.prefix != nil {
		prefix = *m.prefix
	}
	switch {
	case m.what == "groups" && v.Kind == decode.Array:
		for _, it := range v.Items {
			if it.Kind != decode.String {
				return nil, fmt.Sprintf("parse groups claim %s: want a string or a list of strings, got a list holding %s", escape.Quoted(m.claim), kindWord(it)), false
			}
			vals = append(vals, prefix+it.Text)
		}
		return vals, "", false
	case v.Kind == decode.Null:
		if m.what == "groups" {
			return nil, "", false
		}
		v = decode.Value{Kind: decode.String}
	case v.Kind != decode.String:
		return nil, fmt.Sprintf("parse %s claim %s: %s is %s, but Kubernetes requires a string", m.what, escape.Quoted(m.claim), m.claim, kindWord(v)), false
	}
	if m.what == "username" && m.claim == "email" {
		if p := emailVerified(tok); p != "" {
			return nil, p, false
		}
	}
	return []string{prefix + v.Text}, "", false
}

// emailVerified: with username.claim email, an email_verified claim that
// is present must be the boolean true.
func emailVerified(tok policy.Token) string {
	v, ok := tok.Claim("email_verified")
	switch {
	case !ok:
		return ""
	case v.Kind != decode.Bool:
		return "parse 'email_verified' claim: it is " + kindWord(v) + ", not a boolean"
	case v.Text != "true":
		return "email not verified: email_verified is false"
	}
	return ""
}
