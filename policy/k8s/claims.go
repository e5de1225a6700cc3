package k8s

import (
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// actual renders the values of the claims a condition reads: the value
// itself for one claim, name=value pairs for several.
func actual(tok policy.Token, names []string) (string, bool) {
	absent := false
	var parts []string
	for _, n := range names {
		v, ok := tok.Text(n)
		switch {
		case !ok:
			absent = true
			parts = append(parts, n+" absent")
		case len(names) == 1:
			parts = append(parts, v)
		default:
			if s, isStr := tok.String(n); isStr {
				v = escape.Quoted(s) // the view escapes the line once
			}
			parts = append(parts, n+"="+v)
		}
	}
	if len(names) == 1 && absent {
		return "", true
	}
	return strings.Join(parts, ", "), absent
}

// kindWord names a claim's JSON type for messages.
func kindWord(v decode.Value) string {
	switch v.Kind {
	case decode.Number:
		return "a JSON number"
	case decode.Bool:
		return "a JSON boolean"
	case decode.Array:
		return "a JSON array"
	case decode.Object:
		return "a JSON object"
	case decode.Null:
		return "JSON null"
	}
	return "a string"
}

// everyClaimAbsent reports whether each claim of names is missing from
// tok. Only then is a condition Absent: renderers print "(absent)" for
// all the claims it reads in place of its Actual, which names the one
// missing claim among present ones.
func everyClaimAbsent(tok policy.Token, names []string) bool {
	for _, n := range names {
		if _, ok := tok.Text(n); ok { // as actual reads them
			return false
		}
	}
	return true
}
