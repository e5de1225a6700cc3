package gcp

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// assertionVar is the `assertion` CEL variable: the token's claims as a
// map, strings as strings, integral numbers as int64, other numbers as
// double, arrays as lists, objects as maps. Of a duplicated claim the
// first value is used; the conditions that read one fail as ambiguous.
func assertionVar(tok policy.Token) map[string]any {
	out := map[string]any{}
	if tok.Payload.Kind != decode.Object {
		return out
	}
	for _, m := range tok.Payload.Members {
		if _, seen := out[m.Key]; !seen {
			out[m.Key] = native(m.Value)
		}
	}
	return out
}

func native(v decode.Value) any {
	switch v.Kind {
	case decode.Bool:
		return v.Text == "true"
	case decode.Number:
		if i, err := strconv.ParseInt(v.Text, 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(v.Text, 64)
		return f
	case decode.String:
		return v.Text
	case decode.Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = native(it)
		}
		return out
	case decode.Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			if _, seen := out[m.Key]; !seen {
				out[m.Key] = native(m.Value)
			}
		}
		return out
	}
	return nil
}

// duplicated explains the claims among names the token carries more than
// once.
func duplicated(tok policy.Token, names []string) []string {
	var out []string
	for _, n := range names {
		if tok.Duplicated(n) {
			out = append(out, fmt.Sprintf("the token carries %s %d times: ambiguous, so oidcscope does not guess which value Google Cloud would read", n, tok.Payload.Count(n)))
		}
	}
	return out
}

// claimsOf lists the token claims among refs (assertion.<claim>).
func claimsOf(refs []celRef) []string {
	out := []string{}
	for _, r := range refs {
		if r.root == varAssertion {
			out = append(out, r.key)
		}
	}
	return out
}

// literal renders a CEL value (as the activation holds it) as CEL source:
// 'string', 65, 1.5, true, ['a', 'b'].
func literal(v any) string {
	switch x := v.(type) {
	case string:
		return quoteCEL(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	case []any:
		parts := make([]string, len(x))
		for i, it := range x {
			parts[i] = literal(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []string:
		parts := make([]string, len(x))
		for i, it := range x {
			parts[i] = quoteCEL(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return fmt.Sprintf("{…%d keys}", len(x))
	}
	return fmt.Sprint(v)
}

// typeWord names a value's CEL type for messages.
func typeWord(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an int"
	case float64:
		return "a double"
	case bool:
		return "a bool"
	case nil:
		return "null"
	case []any, []string:
		return "a list"
	case map[string]any:
		return "a map"
	}
	return fmt.Sprintf("%T", v)
}

// quoteCEL writes s as a single-quoted CEL string literal: quotes,
// backslashes and every control or invisible character escaped, so a
// hostile claim value cannot end the literal or hide in the terminal.
func quoteCEL(s string) string {
	q := strconv.Quote(s) // Go escapes are valid CEL escapes
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
