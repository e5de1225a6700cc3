package claims

import (
	"strings"

	"github.com/oidcscope/oidcscope/decode"
)

// nulRisk flags a claim with a NUL in its name or anywhere in its value.
// JSON allows "\u0000", but C strings end there: a verifier, proxy, log or
// database written in C may read "repo:a/b\u0000:ref:refs/heads/main" as
// "repo:a/b", so what it checks is not what is shown.
const nulRisk = "contains a NUL character (U+0000): software that reads C strings may cut the value there, so what a verifier or a log sees can differ from what is shown here"

func hasNUL(m decode.Member) bool {
	return strings.IndexByte(m.Key, 0) >= 0 || valueHasNUL(m.Value)
}

func valueHasNUL(v decode.Value) bool {
	if strings.IndexByte(v.Text, 0) >= 0 {
		return true
	}
	for _, it := range v.Items {
		if valueHasNUL(it) {
			return true
		}
	}
	for _, m := range v.Members {
		if hasNUL(m) {
			return true
		}
	}
	return false
}
