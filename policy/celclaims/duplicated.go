package celclaims

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// Decoding is how one provider reads a token's claims: which value of a
// duplicated claim its decoder keeps, and its words for why oidcscope
// does not pick a value for a duplicated claim an expression reads.
type Decoding struct {
	Dup       Duplicates
	Ambiguous string // after "the token carries <name> <n> times: "
}

// Map is the token's claims as the provider's CEL variable holds them.
func (d Decoding) Map(tok policy.Token) map[string]any { return Map(tok, d.Dup) }

// Duplicated explains the claims among names the token carries more than
// once.
func (d Decoding) Duplicated(tok policy.Token, names []string) []string {
	var out []string
	for _, n := range names {
		if tok.Duplicated(n) {
			out = append(out, fmt.Sprintf("the token carries %s %d times: %s", n, tok.Count(n), d.Ambiguous))
		}
	}
	return out
}
