package vault

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
)

// Vault converts role fields with mapstructure v1.5.0 (vault/sdk
// framework/field_data.go); when a conversion fails, its error is part of
// Vault's answer. These rebuild the errors oidcscope can meet.

// unconvertible is decodeString's error for a value that is no string.
func unconvertible(name string, v decode.Value) string {
	return "'" + name + "' expected type 'string', got unconvertible type '" + typeNameOf(v).goType + "', value: '" + goValue(v) + "'"
}

// decodingErrors is mapstructure's *Error: the element errors of a list
// or map, sorted.
func decodingErrors(points []string) string {
	lines := make([]string, len(points))
	for i, p := range points {
		lines[i] = "* " + p
	}
	sort.Strings(lines)
	return fmt.Sprintf("%d error(s) decoding:\n\n%s", len(points), strings.Join(lines, "\n"))
}

// listElementErrors are the errors of weakly decoding a JSON list into
// []string: one per element that is a list or an object.
func listElementErrors(v decode.Value) []string {
	var out []string
	for i, it := range v.Items {
		if _, ok := weakString(it); !ok {
			out = append(out, unconvertible("["+strconv.Itoa(i)+"]", it))
		}
	}
	return out
}
