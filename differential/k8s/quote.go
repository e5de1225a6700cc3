package k8s

import (
	"bytes"
	"encoding/json"
	"strings"
)

// quote encodes a string as JSON without HTML escaping, so that a
// reproduction reads as the role or token a user would write.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // a Go string always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}
