package k8s

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/oidcscope/oidcscope/decode"
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
			c.Expression += ", prefix: " + strconv.Quote(*m.prefix)
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
	if d := kubernetesClaims.Duplicated(ev.tok, c.Claims); len(d) > 0 {
		c.Result, c.Diagnosis = policy.Fail, d
		return nil, c, m.what + ": a claim it reads is duplicated"
	}
	var vals []string
	var problem string
	if m.cel != nil {
		var missing string
		var stop error
		vals, problem, missing, stop = m.runCEL(ev)
		if ev.Stopped(&c, m.cel.field, stop) {
			return nil, c, ""
		}
		if missing != "" {
			c.Absent = true
			c.Diagnosis = append(c.Diagnosis, policy.Absent(missing))
		}
	} else {
		vals, problem, c.Absent = m.runClaim(ev.tok)
	}
	c.Actual = render(m.what, vals)
	if problem != "" {
		c.Result = policy.Fail
		c.Diagnosis = append([]string{problem}, c.Diagnosis...)
		if c.Absent {
			c.Actual = ""
		}
		return nil, c, m.what + ": " + firstLine(problem)
	}
	c.Result = policy.Pass
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

// stringList2 is Kubernetes' convertCELValueToStringList: a string ("" is
// none), a list of strings (empty strings dropped) or null.
func stringList2(v ref.Val) ([]string, error) {
	bad := fmt.Errorf("expression must return a string or a list of strings, this one returned %s", v.Type().TypeName())
	switch x := v.(type) {
	case types.String:
		if x == "" {
			return nil, nil
		}
		return []string{string(x)}, nil
	case types.Null:
		return nil, nil
	case traits.Lister:
		var out []string
		n, _ := x.Size().(types.Int)
		for i := types.Int(0); i < n; i++ {
			s, ok := x.Get(i).(types.String)
			if !ok {
				return nil, bad
			}
			if s != "" {
				out = append(out, string(s))
			}
		}
		return out, nil
	}
	return nil, bad
}

// runClaim maps from a claim, decoding it as Go's encoding/json decodes
// into a string (JSON null becomes "", other types fail).
func (m *mapping) runClaim(tok policy.Token) (vals []string, problem string, absent bool) {
	v, ok := tok.Claim(m.claim)
	if !ok {
		if m.what == "groups" {
			return nil, "", false // no groups
		}
		return nil, fmt.Sprintf("%s\nkube-apiserver: parse %s claim %q: claim not present", policy.Absent(m.claim), m.what, m.claim), true
	}
	prefix := ""
	if m.prefix != nil {
		prefix = *m.prefix
	}
	switch {
	case m.what == "groups" && v.Kind == decode.Array:
		for _, it := range v.Items {
			if it.Kind != decode.String {
				return nil, fmt.Sprintf("parse groups claim %q: want a string or a list of strings, got a list holding %s", m.claim, kindWord(it)), false
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
		return nil, fmt.Sprintf("parse %s claim %q: %s is %s, but Kubernetes requires a string", m.what, m.claim, m.claim, kindWord(v)), false
	}
	if m.what == "username" && m.claim == "email" {
		if p := emailVerified(tok); p != "" {
			return nil, p, false
		}
	}
	name := prefix + v.Text
	if m.what == "username" && name == "" {
		return nil, fmt.Sprintf("the username is empty (%s is \"\" and there is no prefix); kube-apiserver only refuses an empty username from an expression, so what it does with an empty one from a claim is uncertain: treated as a failure here", m.claim), false
	}
	return []string{name}, "", false
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
