package gcp

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// assertionVar is the `assertion` CEL variable: the token's claims as a
// map. Of a duplicated claim the first value is used, as in oidcscope's
// token view: Google Cloud does not document which one it reads, so the
// mappings and the condition that read one fail as ambiguous (see
// duplicated) before this value is used.
func assertionVar(tok policy.Token) map[string]any {
	return celclaims.Map(tok, celclaims.FirstWins)
}

// duplicated explains the claims among names the token carries more than
// once.
func duplicated(tok policy.Token, names []string) []string {
	var out []string
	for _, n := range names {
		if tok.Duplicated(n) {
			out = append(out, fmt.Sprintf("the token carries %s %d times: ambiguous, so oidcscope does not guess which value Google Cloud would read", n, tok.Count(n)))
		}
	}
	return out
}

// claimsOf lists the token claims among refs (assertion.<claim>).
func claimsOf(refs []celclaims.Ref) []string {
	out := []string{}
	for _, r := range refs {
		if r.Root == varAssertion {
			out = append(out, r.Key)
		}
	}
	return out
}

// literal renders a CEL value (as the activation holds it) as CEL source:
// 'string', 65, 1.5, true, ['a', 'b'].
func literal(v any) string {
	switch x := v.(type) {
	case string:
		return celclaims.Quote(x)
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
			parts[i] = celclaims.Quote(it)
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
