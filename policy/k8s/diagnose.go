package k8s

import (
	"errors"
	"fmt"
	"strings"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// celFailure explains a claim validation expression that was false or
// failed: its message, the runtime error, and each false top-level &&
// term with the claim values it reads.
func celFailure(ev *evaluation, c *compiled, message string, evalErr error) (diag []string, absent bool, reason string) {
	tok := ev.tok
	if message != "" {
		diag = append(diag, fmt.Sprintf("message: %s", message))
	}
	if evalErr != nil {
		d, abs := runtimeError(tok, evalErr)
		diag, absent = append(diag, d...), abs
		reason = "failed: " + evalErr.Error()
	}
	if len(c.terms) == 0 {
		d, abs := termDiagnosis(tok, c.root)
		diag, absent = append(diag, d...), absent || abs
	}
	ev.Meter.Untrue(c.terms, ev.celVars(), func(t celclaims.Term, err error) {
		if err != nil {
			diag = append(diag, celclaims.TermFailure("term `"+t.Text+"`", err))
			if !errors.Is(err, celclaims.ErrCostLimit) {
				d, abs := runtimeError(tok, err)
				diag, absent = append(diag, d...), absent || abs
			}
			return
		}
		diag = append(diag, fmt.Sprintf("term `%s` is false", t.Text))
		d, abs := termDiagnosis(tok, t.Root)
		diag, absent = append(diag, d...), absent || abs
		if reason == "" && message == "" {
			reason = "is false: `" + t.Text + "` is false"
		}
	})
	switch {
	case reason != "":
	case message != "":
		reason = "is false: " + message
	default:
		reason = "is false"
	}
	return diag, absent, reason
}

// runtimeError explains a CEL runtime error, which fails the rule.
func runtimeError(tok policy.Token, err error) ([]string, bool) {
	out := []string{fmt.Sprintf("CEL runtime error: %v: an expression that errors fails the rule, and kube-apiserver rejects the token", err)}
	if key, ok := celclaims.MissingKey(err); ok {
		out = append(out, policy.Absent(key),
			fmt.Sprintf("to make it optional, test has(claims.%s) first or read claims.?%s.orValue('')", key, key))
		return out, true
	}
	if strings.Contains(err.Error(), "no matching overload") || strings.Contains(err.Error(), "no such overload") {
		out = append(out, "the operands have different types: every GitHub claim is a JSON string except exp, iat and nbf (compare '74', not 74; convert with int(claims.run_attempt) to compare numbers)")
	}
	return out, false
}

// termDiagnosis explains one false term by its shape: a comparison of a
// claim with a literal, membership in a literal list, or a string test.
func termDiagnosis(tok policy.Token, e ast.Expr) ([]string, bool) {
	if e == nil {
		return nil, false
	}
	if e.Kind() == ast.CallKind {
		call := e.AsCall()
		args := call.Args()
		switch fn := call.FunctionName(); {
		case (fn == "_==_") && len(args) == 2:
			claim, lit, ok := claimAndLiteral(args[0], args[1])
			if ok {
				return equalityDiagnosis(tok, claim, lit)
			}
		case fn == "@in" && len(args) == 2:
			if claim, ok := claimOf(args[0]); ok {
				if want, ok := celclaims.StringList(args[1]); ok {
					return compareStrings(tok, claim, want, func(s string) []string {
						return policy.Mismatch(policy.K8s, claim, want, s, true)
					})
				}
			}
		case call.IsMemberFunction() && len(args) == 1 && (fn == "startsWith" || fn == "endsWith" || fn == "contains" || fn == "matches"):
			if claim, ok := claimOf(call.Target()); ok {
				if lit, ok := celclaims.LiteralString(args[0]); ok {
					return compareStrings(tok, claim, []string{lit}, func(s string) []string {
						if fn == "startsWith" {
							return policy.PatternMismatch(policy.K8s, claim, []string{lit}, s, func(p string) string { return p })
						}
						return []string{fmt.Sprintf("claims.%s is %s, which does not %s %s", claim, escape.Quoted(s), verb(fn), escape.Quoted(lit))}
					})
				}
			}
		}
	}
	names, _ := claimsRead(e)
	return readsLine(tok, names), false
}

func verb(fn string) string {
	switch fn {
	case "endsWith":
		return "end with"
	case "contains":
		return "contain"
	}
	return "match"
}

// equalityDiagnosis explains claims.x == <literal> being false.
func equalityDiagnosis(tok policy.Token, claim string, lit ref.Val) ([]string, bool) {
	v, ok := tok.Claim(claim)
	if !ok {
		return []string{policy.Absent(claim)}, true
	}
	switch l := lit.(type) {
	case types.String:
		if v.Kind != decode.String {
			text, _ := tok.Text(claim)
			return []string{fmt.Sprintf("claims.%s is %s (%s), compared with the string %s", claim, kindWord(v), text, escape.Quoted(string(l)))}, false
		}
		return append([]string{fmt.Sprintf("claims.%s is %s", claim, escape.Quoted(v.Text))}, policy.Mismatch(policy.K8s, claim, []string{string(l)}, v.Text, true)...), false
	case types.Int, types.Uint, types.Double:
		lt := fmt.Sprint(l.Value())
		if v.Kind == decode.String {
			msg := fmt.Sprintf("compares claims.%s with the number %s, but the token's %s is the string %s: GitHub sends IDs and counters as strings, and a string never equals a number in CEL; write claims.%s == '%s'", claim, lt, claim, escape.Quoted(v.Text), claim, lt)
			return []string{msg}, false
		}
		return []string{fmt.Sprintf("claims.%s is %s", claim, v.Text)}, false
	case types.Bool:
		if v.Kind == decode.String {
			return []string{fmt.Sprintf("compares claims.%s with the boolean %v, but the token's %s is the string %s: GitHub sends booleans as strings; write claims.%s == '%v'", claim, bool(l), claim, escape.Quoted(v.Text), claim, bool(l))}, false
		}
	}
	return readsLine(tok, []string{claim}), false
}

// compareStrings runs explain on a string claim, or says why it cannot.
func compareStrings(tok policy.Token, claim string, want []string, explain func(string) []string) ([]string, bool) {
	v, ok := tok.Claim(claim)
	if !ok {
		return []string{policy.Absent(claim)}, true
	}
	if v.Kind != decode.String {
		text, _ := tok.Text(claim)
		return []string{fmt.Sprintf("claims.%s is %s (%s), not a string", claim, kindWord(v), text)}, false
	}
	return append([]string{fmt.Sprintf("claims.%s is %s", claim, escape.Quoted(v.Text))}, explain(v.Text)...), false
}

// readsLine lists the values of the claims a term reads.
func readsLine(tok policy.Token, claims []string) []string {
	if len(claims) == 0 {
		return nil
	}
	var parts []string
	for _, n := range claims {
		v, ok := tok.Claim(n)
		switch {
		case !ok:
			parts = append(parts, fmt.Sprintf("claims.%s is absent", n))
		case v.Kind == decode.String:
			parts = append(parts, fmt.Sprintf("claims.%s is %s", n, escape.Quoted(v.Text)))
		default:
			text, _ := tok.Text(n)
			parts = append(parts, fmt.Sprintf("claims.%s is %s", n, text))
		}
	}
	return []string{"it reads: " + strings.Join(parts, ", ")}
}

// claimAndLiteral matches claims.x == lit in either order.
func claimAndLiteral(a, b ast.Expr) (string, ref.Val, bool) {
	r, lit, ok := celclaims.RefAndLiteral(a, b, varClaims)
	return r.Key, lit, ok
}

// claimOf matches claims.x and claims['x'].
func claimOf(e ast.Expr) (string, bool) {
	r, ok := celclaims.RefOf(e, varClaims)
	return r.Key, ok
}

// expectedOf is what a validation expression accepts, for the Expected
// column.
func expectedOf(c *compiled) []string {
	if c == nil {
		return nil
	}
	return celclaims.Expected(c.root, c.terms, varClaims)
}
