package k8s

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/types"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// evaluate runs one claimValidationRule.
func (r *rule) evaluate(ev *evaluation) (c policy.Condition, why string) {
	name := r.path[strings.LastIndex(r.path, ".")+1:] // claimValidationRules[i]
	if r.cel == nil {
		c, why = r.claimRule(ev.tok, name)
		c.Diagnosis = append(c.Diagnosis, kubernetesDecoding.Duplicated(ev.orig, c.Claims)...)
		return c, why
	}
	c = policy.Condition{Expression: r.spec.Expression, Claims: slices.Clone(r.cel.claims), Expected: expectedOf(r.cel)}
	var everyAbsent bool
	c.Actual, everyAbsent = actual(ev.tok, c.Claims)
	if len(r.errs) > 0 {
		c.Result, c.Diagnosis = policy.Errored, lines(r.errs)
		return c, ""
	}
	// How kube-apiserver read the claims, after whatever the outcome adds.
	notes := append(kubernetesDecoding.Duplicated(ev.orig, c.Claims), r.cel.notes...)
	defer func() { c.Diagnosis = append(c.Diagnosis, notes...) }()
	out, err := ev.Meter.Eval(r.cel.prg, ev.celVars())
	if why, over := overLimit(&c, r.cel.field, err); over {
		return c, why
	}
	if ev.Stopped(&c, r.cel.field, err) {
		return c, ""
	}
	if err == nil && out == types.True {
		c.Result = policy.Pass
		return c, ""
	}
	c.Result = policy.Fail
	c.Diagnosis, c.Absent, why = celFailure(ev, r.cel, r.spec.Message, err)
	c.Absent = c.Absent && everyAbsent
	if c.Absent {
		c.Actual = ""
	}
	return c, name + " " + why
}

// claimRule is claim + requiredValue: the claim must be present and be the
// string requiredValue exactly; an omitted requiredValue means the empty
// string. Kubernetes decodes the claim into a Go string, so JSON null
// passes as "" and any other non-string fails to parse.
func (r *rule) claimRule(tok policy.Token, name string) (policy.Condition, string) {
	claim, want := r.spec.Claim, r.spec.RequiredValue
	expr := "claim: " + claim
	if want != "" {
		expr += ", requiredValue: " + strconv.Quote(want) // YAML, as the document writes it: not a message
	}
	c := policy.Condition{Expression: expr, Claims: []string{claim}, Expected: []string{want}}
	if claim == "" {
		c.Claims = []string{}
	}
	c.Actual, _ = tok.Text(claim)
	if len(r.errs) > 0 {
		c.Result, c.Diagnosis = policy.Errored, lines(r.errs)
		return c, ""
	}
	omitted := func() []string {
		if want != "" {
			return nil
		}
		return []string{"requiredValue is omitted, so Kubernetes requires the claim to be present with the empty string as its value (not \"any value\"): set requiredValue, or use an expression such as has(claims." + claim + ")"}
	}
	v, ok := tok.Claim(claim)
	switch {
	case !ok:
		c.Result, c.Absent = policy.Fail, true
		c.Diagnosis = append([]string{policy.Absent(claim), fmt.Sprintf("kube-apiserver: required claim %s not present in ID token", claim)}, omitted()...)
		return c, fmt.Sprintf("%s: required claim %s not present", name, claim)
	case v.Kind == decode.Null:
		c.Actual = ""
		if want == "" {
			c.Result = policy.Pass
			c.Diagnosis = []string{claim + " is JSON null, which Kubernetes decodes as the empty string: it passes"}
			return c, ""
		}
		c.Result, c.Diagnosis = policy.Fail, []string{claim + " is JSON null, which Kubernetes decodes as the empty string"}
		return c, fmt.Sprintf("%s: %s is null", name, claim)
	case v.Kind != decode.String:
		c.Result = policy.Fail
		c.Diagnosis = []string{fmt.Sprintf("%s is %s: claim/requiredValue rules compare string claims only, and kube-apiserver fails to parse it (use an expression to test other types)", claim, kindWord(v))}
		return c, fmt.Sprintf("%s: %s is not a string", name, claim)
	case v.Text == want:
		c.Result = policy.Pass
		return c, ""
	}
	c.Result = policy.Fail
	c.Diagnosis = append(omitted(), policy.Mismatch(policy.K8s, claim, []string{want}, v.Text, true)...)
	if d := policy.WildcardInEquality("requiredValue", []string{want}); d != "" {
		c.Diagnosis = append(c.Diagnosis, d)
	}
	return c, fmt.Sprintf("%s: %s is %s, want %s", name, claim, escape.Quoted(v.Text), escape.Quoted(want))
}

// evaluate runs one userValidationRule over the mapped user; ok is false
// when a mapping failed, and the rule then did not run.
func (r *userRule) evaluate(ev *evaluation, user UserInfo, ok bool) (policy.Condition, string) {
	name := r.path[strings.LastIndex(r.path, ".")+1:]
	c := policy.Condition{Expression: r.spec.Expression, Claims: []string{}, Expected: []string{"true"}, Actual: userText(user)}
	switch {
	case len(r.errs) > 0:
		c.Result, c.Diagnosis = policy.Errored, lines(r.errs)
		return c, ""
	case !ok:
		c.Result = policy.NotApplied
		c.Diagnosis = []string{"not evaluated: mapping the claims to a user failed"}
		return c, ""
	}
	out, err := ev.Meter.Eval(r.cel.prg, map[string]any{"user": &user})
	if why, over := overLimit(&c, r.cel.field, err); over {
		return c, why
	}
	if ev.Stopped(&c, r.cel.field, err) {
		return c, ""
	}
	switch {
	case err != nil:
		c.Result = policy.Fail
		c.Diagnosis = []string{fmt.Sprintf("CEL runtime error: %v: kube-apiserver rejects the token", err)}
		return c, fmt.Sprintf("%s failed: %v", name, err)
	case out != types.True:
		c.Result = policy.Fail
		if r.spec.Message != "" {
			c.Diagnosis = []string{"message: " + r.spec.Message}
		}
		c.Diagnosis = append(c.Diagnosis, "the mapped user is "+userText(user))
		why := name + " is false"
		if r.spec.Message != "" {
			why += ": " + r.spec.Message
		}
		return c, why
	}
	c.Result = policy.Pass
	return c, ""
}

func userText(u UserInfo) string {
	s := "username=" + escape.Quoted(u.Username)
	if u.UID != "" {
		s += " uid=" + escape.Quoted(u.UID)
	}
	s += " groups=[" + strings.Join(u.Groups, ", ") + "]"
	if len(u.Extra) > 0 {
		keys := make([]string, 0, len(u.Extra))
		for k := range u.Extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			s += fmt.Sprintf(" extra[%s]=[%s]", k, strings.Join(u.Extra[k], ", "))
		}
	}
	return s
}
