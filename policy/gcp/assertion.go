package gcp

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// googleClaims reads the token's claims as the `assertion` CEL variable.
// Of a duplicated claim the first value is kept, as in oidcscope's token
// view: Google Cloud does not document which one it reads, so the
// mappings and the condition that read one fail as ambiguous before this
// value is used.
var googleClaims = celclaims.Decoding{
	Dup:       celclaims.FirstWins,
	Ambiguous: "ambiguous, so oidcscope does not guess which value Google Cloud would read",
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
