package gcp

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// checkCondition evaluates attributeCondition over assertion, google and
// attribute: false rejects the token, and so does a CEL error (inference,
// see celErrorRejects).
func (ev *evaluation) checkCondition() {
	c := ev.p.condition
	if c == nil {
		return
	}
	ev.condAt = len(ev.Conds) // each way through adds cond once
	cond := policy.Condition{
		Expression: "attributeCondition: " + c.src,
		Claims:     ev.p.claimsVia(c.refs),
		Expected:   expectedOf(c),
	}
	cond.Actual, cond.Absent = ev.actual(c.refs)
	if c.err != "" || c.prg == nil {
		cond.Result, cond.Diagnosis = policy.Errored, strings.Split(c.err, "\n")
		ev.Add(cond, "")
		return
	}
	if d := googleClaims.Duplicated(ev.tok, claimsOf(c.refs)); len(d) > 0 {
		cond.Result, cond.Diagnosis = policy.Fail, d
		ev.Add(cond, "the attribute condition reads an ambiguous (duplicated) claim")
		return
	}
	out, err := ev.Meter.Eval(c.prg, ev.vars())
	if ev.stopped(cond, c.field, err) {
		return
	}
	switch {
	case err == nil && out == types.True:
		cond.Result = policy.Pass
		ev.Add(cond, "")
		return
	case err == nil && out.Type() != types.BoolType:
		cond.Result = policy.Fail
		cond.Diagnosis = []string{fmt.Sprintf("the attribute condition must output a boolean; it produced %s %s", typeWord(out.Value()), literal(out.Value()))}
		ev.Add(cond, "the attribute condition does not output a boolean")
		return
	}
	cond.Result = policy.Fail
	diag, reason := ev.conditionFailure(c, err)
	cond.Diagnosis = diag
	ev.Add(cond, reason)
}

// conditionFailure explains a false or failing condition: the runtime
// error, and each false top-level && term with the values it reads.
func (ev *evaluation) conditionFailure(c *compiled, evalErr error) (diag []string, reason string) {
	if evalErr != nil {
		diag, _ = ev.runtimeError(evalErr, c.refs, "the attribute condition")
		reason = "the attribute condition fails: " + evalErr.Error()
	}
	if len(c.terms) == 0 {
		if evalErr == nil {
			detail, more := ev.explainTerm(c.root)
			diag = append(diag, falseLine(c.src, detail))
			diag = append(diag, more...)
			reason = "the attribute condition is false: " + falseLine(c.src, detail)
		}
		return diag, reason
	}
	ev.Meter.Untrue(c.terms, ev.vars(), func(t celclaims.Term, err error) {
		if err != nil {
			diag = append(diag, celclaims.TermFailure(t.Text, err))
			if evalErr == nil && !errors.Is(err, celclaims.ErrCostLimit) {
				d, _ := ev.runtimeError(err, t.Refs, "the term")
				diag = append(diag, d...)
			}
			return
		}
		detail, more := ev.explainTerm(t.Root)
		line := falseLine(t.Text, detail)
		diag = append(diag, line)
		diag = append(diag, more...)
		if reason == "" || evalErr != nil && !strings.HasPrefix(reason, "the attribute condition is false") {
			reason = "the attribute condition is false: " + line
		}
	})
	if reason == "" {
		reason = "the attribute condition is false"
	}
	return diag, reason
}

func falseLine(text, detail string) string {
	if detail == "" {
		return text + " is false"
	}
	return text + " is false: " + detail
}

// explainTerm explains one false term by its shape: a comparison with a
// literal, membership, a string test, has(); else the values it reads.
func (ev *evaluation) explainTerm(e ast.Expr) (detail string, more []string) {
	if e == nil {
		return "", nil
	}
	if r, ok := celclaims.HasRef(e, varAssertion, varGoogle, varAttribute); ok {
		return r.String() + " is absent", ev.absentLines(r)
	}
	if e.Kind() == ast.CallKind {
		call := e.AsCall()
		args := call.Args()
		fn := call.FunctionName()
		switch {
		case (fn == "_==_" || fn == "_!=_") && len(args) == 2:
			if r, lit, ok := refAndLiteral(args[0], args[1]); ok {
				if fn == "_!=_" {
					return ev.describe(r), nil
				}
				return ev.equality(r, lit)
			}
		case fn == "@in" && len(args) == 2:
			if r, ok := refOf(args[0]); ok {
				if want, ok := celclaims.StringList(args[1]); ok {
					return ev.compareString(r, func(s string) []string {
						return policy.Mismatch(policy.GCP, claimName(r), want, s, true)
					})
				}
			}
			if r, ok := refOf(args[1]); ok {
				if lit, ok := celclaims.LiteralString(args[0]); ok {
					v, present := ev.value(r)
					if !present {
						return r.String() + " is absent", ev.absentLines(r)
					}
					return fmt.Sprintf("%s is %s, without %s", r, literal(v), celclaims.Quote(lit)), nil
				}
			}
		case call.IsMemberFunction() && len(args) == 1 && slices.Contains([]string{"startsWith", "endsWith", "contains", "matches"}, fn):
			if r, ok := refOf(call.Target()); ok {
				if lit, ok := celclaims.LiteralString(args[0]); ok {
					return ev.compareString(r, func(s string) []string {
						out := []string{fmt.Sprintf("%s %s %s", celclaims.Quote(s), doesNot(fn), celclaims.Quote(lit))}
						if fn == "startsWith" {
							out = append(out, policy.PatternMismatch(policy.GCP, claimName(r), []string{lit}, s, func(p string) string { return p })...)
						}
						return out
					})
				}
			}
		}
	}
	refs := refsRead(e)
	if len(refs) == 0 {
		return "", nil
	}
	parts := make([]string, 0, len(refs))
	for _, r := range refs {
		parts = append(parts, ev.describe(r))
	}
	return strings.Join(parts, ", "), nil
}

func doesNot(fn string) string {
	switch fn {
	case "startsWith":
		return "does not start with"
	case "endsWith":
		return "does not end with"
	case "contains":
		return "does not contain"
	}
	return "does not match (RE2, anywhere in the string unless anchored with ^…$)"
}

// claimName is the name the shared diagnoses know a value by: the claim
// for assertion.<claim>, else the attribute's full name.
func claimName(r celclaims.Ref) string {
	if r.Root == varAssertion {
		return r.Key
	}
	return r.String()
}

// describe says what a referenced value is: "assertion.x is 'v'".
func (ev *evaluation) describe(r celclaims.Ref) string {
	v, ok := ev.value(r)
	if !ok {
		return r.String() + " is absent"
	}
	return r.String() + " is " + literal(v)
}

func (ev *evaluation) absentLines(r celclaims.Ref) []string {
	switch r.Root {
	case varAssertion:
		return []string{policy.Absent(r.Key)}
	case varAttribute:
		return []string{fmt.Sprintf("attribute.%s is not mapped for this token (not in attributeMapping, or its mapping failed)", r.Key)}
	}
	return []string{r.String() + " is not mapped for this token"}
}

// equality explains ref == literal being false.
func (ev *evaluation) equality(r celclaims.Ref, lit any) (string, []string) {
	v, ok := ev.value(r)
	if !ok {
		return r.String() + " is absent", ev.absentLines(r)
	}
	switch l := lit.(type) {
	case string:
		switch x := v.(type) {
		case string:
			return r.String() + " is " + celclaims.Quote(x), policy.Mismatch(policy.GCP, claimName(r), []string{l}, x, true)
		case []any, []string:
			return fmt.Sprintf("%s is a list %s: == compares the whole list; test membership with %s in %s", r, literal(x), celclaims.Quote(l), r), nil
		default:
			return fmt.Sprintf("%s is %s %s, compared with the string %s", r, typeWord(x), literal(x), celclaims.Quote(l)), nil
		}
	case int64, uint64, float64, bool:
		lt := fmt.Sprint(l)
		if s, isStr := v.(string); isStr {
			kind := "the number"
			if _, isBool := l.(bool); isBool {
				kind = "the boolean"
			}
			return fmt.Sprintf("%s is the string %s, compared with %s %s", r, celclaims.Quote(s), kind, lt), []string{
				fmt.Sprintf("GitHub sends IDs, counters and booleans as JSON strings, and in CEL a string never equals a number or a boolean: quote the value, %s == %s (CEL compares strings, so IDs are quoted)", r, celclaims.Quote(lt)),
			}
		}
	}
	return ev.describe(r), nil
}

// compareString runs explain on a string value, or says why it cannot.
func (ev *evaluation) compareString(r celclaims.Ref, explain func(string) []string) (string, []string) {
	v, ok := ev.value(r)
	if !ok {
		return r.String() + " is absent", ev.absentLines(r)
	}
	s, isStr := v.(string)
	if !isStr {
		return fmt.Sprintf("%s is %s %s, not a string", r, typeWord(v), literal(v)), nil
	}
	return r.String() + " is " + celclaims.Quote(s), explain(s)
}

// refAndLiteral matches ref == literal in either order; the literal as
// the Go value the activation holds, to compare with ev.value.
func refAndLiteral(a, b ast.Expr) (celclaims.Ref, any, bool) {
	r, lit, ok := celclaims.RefAndLiteral(a, b, varAssertion, varGoogle, varAttribute)
	if !ok {
		return r, nil, false
	}
	return r, lit.Value(), true
}

// expectedOf is what a condition accepts, for the Expected column.
func expectedOf(c *compiled) []string {
	if c == nil {
		return nil
	}
	return celclaims.Expected(c.root, c.terms, varAssertion, varGoogle, varAttribute)
}

// actual renders the values an expression reads: the value itself for
// one, name=value pairs for several, naming a missing claim as absent.
// absent is true only when every value read is a claim the token lacks:
// renderers then print "(absent)" for all the claims in place of Actual,
// which is why one present claim among them keeps absent false.
func (ev *evaluation) actual(refs []celclaims.Ref) (string, bool) {
	absent := len(refs) > 0
	var parts []string
	for _, r := range refs {
		v, ok := ev.value(r)
		switch {
		case !ok:
			absent = absent && r.Root == varAssertion
			parts = append(parts, r.String()+" absent")
		case len(refs) == 1:
			absent = false
			parts = append(parts, display(v))
		default:
			absent = false
			parts = append(parts, r.String()+"="+literal(v))
		}
	}
	if absent {
		return "", true
	}
	return strings.Join(parts, ", "), false
}

// claimsVia lists the token claims an expression reads, directly
// (assertion.x) or through the mappings of the attributes it reads.
func (p *gcpPolicy) claimsVia(refs []celclaims.Ref) []string {
	out := []string{}
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, r := range refs {
		switch r.Root {
		case varAssertion:
			add(r.Key)
		default:
			for _, c := range p.mappingClaims(r.String()) {
				add(c)
			}
		}
	}
	return out
}

// mappingClaims lists the claims the mapping of target reads.
func (p *gcpPolicy) mappingClaims(target string) []string {
	for _, m := range p.mappings {
		if m.target == target && m.expr != nil {
			return claimsOf(m.expr.refs)
		}
	}
	return nil
}
