package k8s

import (
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// actual renders the values of the claims a condition reads: the value
// itself for one claim, name=value pairs for several, a missing one named
// absent; "" for one claim, missing. every reports that no claim of names
// is in the token: only then is a condition Absent, as renderers print
// "(absent)" for all the claims it reads in place of its Actual.
func actual(tok policy.Token, names []string) (text string, every bool) {
	present := 0
	var parts []string
	for _, n := range names {
		v, ok := tok.Text(n)
		switch {
		case !ok:
			parts = append(parts, n+" absent")
		case len(names) == 1:
			present++
			parts = append(parts, v)
		default:
			present++
			if s, isStr := tok.String(n); isStr {
				v = escape.Quoted(s) // the view escapes the line once
			}
			parts = append(parts, n+"="+v)
		}
	}
	if len(names) == 1 && present == 0 {
		return "", true
	}
	return strings.Join(parts, ", "), present == 0
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
