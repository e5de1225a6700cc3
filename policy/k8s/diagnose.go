package k8s

import (
	"fmt"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// celFailure explains a claim validation expression that was false or
// failed: its message, the runtime error, and each false top-level &&
// term with the claim values it reads.
func celFailure(tok policy.Token, c *compiled, vars map[string]any, message string, evalErr error) (diag []string, absent bool, reason string) {
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
	for _, t := range c.terms {
		if t.prg == nil {
			continue
		}
		out, err := eval(t.prg, vars)
		switch {
		case err != nil:
			diag = append(diag, fmt.Sprintf("term `%s` fails: %v", t.text, err))
			d, abs := runtimeError(tok, err)
			diag, absent = append(diag, d...), absent || abs
		case out != types.True:
			diag = append(diag, fmt.Sprintf("term `%s` is false", t.text))
			d, abs := termDiagnosis(tok, t.expr)
			diag, absent = append(diag, d...), absent || abs
			if reason == "" && message == "" {
				reason = "is false: `" + t.text + "` is false"
			}
		}
	}
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
	if key, ok := missingKey(err); ok {
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
				if want, ok := stringList(args[1]); ok {
					return compareStrings(tok, claim, want, func(s string) []string {
						return policy.Mismatch(policy.K8s, claim, want, s, true)
					})
				}
			}
		case call.IsMemberFunction() && len(args) == 1 && (fn == "startsWith" || fn == "endsWith" || fn == "contains" || fn == "matches"):
			if claim, ok := claimOf(call.Target()); ok {
				if lit, ok := literalString(args[0]); ok {
					return compareStrings(tok, claim, []string{lit}, func(s string) []string {
						if fn == "startsWith" {
							return policy.PatternMismatch(policy.K8s, claim, []string{lit}, s, func(p string) string { return p })
						}
						return []string{fmt.Sprintf("claims.%s is %q, which does not %s %q", claim, s, verb(fn), lit)}
					})
				}
			}
		}
	}
	return readsLine(tok, claimsRead(e)), false
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
			return []string{fmt.Sprintf("claims.%s is %s (%s), compared with the string %q", claim, kindWord(v), text, string(l))}, false
		}
		return append([]string{fmt.Sprintf("claims.%s is %q", claim, v.Text)}, policy.Mismatch(policy.K8s, claim, []string{string(l)}, v.Text, true)...), false
	case types.Int, types.Uint, types.Double:
		lt := fmt.Sprint(l.Value())
		if v.Kind == decode.String {
			msg := fmt.Sprintf("compares claims.%s with the number %s, but the token's %s is the string %q: GitHub sends IDs and counters as strings, and a string never equals a number in CEL; write claims.%s == '%s'", claim, lt, claim, v.Text, claim, lt)
			return []string{msg}, false
		}
		return []string{fmt.Sprintf("claims.%s is %s", claim, v.Text)}, false
	case types.Bool:
		if v.Kind == decode.String {
			return []string{fmt.Sprintf("compares claims.%s with the boolean %v, but the token's %s is the string %q: GitHub sends booleans as strings; write claims.%s == '%v'", claim, bool(l), claim, v.Text, claim, bool(l))}, false
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
	return append([]string{fmt.Sprintf("claims.%s is %q", claim, v.Text)}, explain(v.Text)...), false
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
			parts = append(parts, fmt.Sprintf("claims.%s is %q", n, v.Text))
		default:
			text, _ := tok.Text(n)
			parts = append(parts, fmt.Sprintf("claims.%s is %s", n, text))
		}
	}
	return []string{"it reads: " + strings.Join(parts, ", ")}
}

// claimAndLiteral matches claims.x == lit in either order.
func claimAndLiteral(a, b ast.Expr) (string, ref.Val, bool) {
	if c, ok := claimOf(a); ok && b.Kind() == ast.LiteralKind {
		return c, b.AsLiteral(), true
	}
	if c, ok := claimOf(b); ok && a.Kind() == ast.LiteralKind {
		return c, a.AsLiteral(), true
	}
	return "", nil, false
}

// claimOf matches claims.x and claims['x'].
func claimOf(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	switch e.Kind() {
	case ast.SelectKind:
		s := e.AsSelect()
		if isIdent(s.Operand(), "claims") && !s.IsTestOnly() {
			return s.FieldName(), true
		}
	case ast.CallKind:
		c := e.AsCall()
		if c.FunctionName() == "_[_]" && len(c.Args()) == 2 && isIdent(c.Args()[0], "claims") {
			return literalString(c.Args()[1])
		}
	}
	return "", false
}

func stringList(e ast.Expr) ([]string, bool) {
	if e.Kind() != ast.ListKind {
		return nil, false
	}
	var out []string
	for _, el := range e.AsList().Elements() {
		s, ok := literalString(el)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// expectedOf is what a validation expression accepts, for the Expected
// column: the literal of a single claims.x == 'v', else each top-level
// term (all must be true).
func expectedOf(c *compiled) []string {
	if c == nil || c.root == nil {
		return nil
	}
	if len(c.terms) == 0 {
		if c.root.Kind() == ast.CallKind && c.root.AsCall().FunctionName() == "_==_" {
			args := c.root.AsCall().Args()
			if _, lit, ok := claimAndLiteral(args[0], args[1]); ok {
				if s, isStr := lit.(types.String); isStr {
					return []string{string(s)}
				}
				return []string{fmt.Sprint(lit.Value())}
			}
		}
		return []string{"true"}
	}
	out := make([]string, 0, len(c.terms))
	for _, t := range c.terms {
		out = append(out, t.text)
	}
	return out
}

// quoteCEL writes s as a single-quoted CEL string literal: quotes,
// backslashes and every control or invisible character escaped, so a
// hostile claim value cannot end the literal or hide in the terminal.
func quoteCEL(s string) string {
	q := strconv.Quote(s) // Go escapes are valid CEL escapes; invisible characters are escaped
	inner := q[1 : len(q)-1]
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(inner); i++ {
		switch ch := inner[i]; {
		case ch == '\\' && i+1 < len(inner) && inner[i+1] == '"':
			b.WriteByte('"')
			i++
		case ch == '\\' && i+1 < len(inner):
			b.WriteByte('\\')
			b.WriteByte(inner[i+1])
			i++
		case ch == '\'':
			b.WriteString(`\'`)
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
