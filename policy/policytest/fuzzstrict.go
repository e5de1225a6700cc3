package policytest

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// FuzzParseStrict runs the fuzz target of the document parsers that hold
// Parse to more than FuzzParse does: Detect and Parse never panic, Parse
// returns policies or an error, never both, and every policy evaluates
// each of toks to a result CheckResult accepts for provider (the ID the
// results must carry). more, when not nil, then checks what only that
// provider promises of the policies.
func FuzzParseStrict(f *testing.F, newProvider func() policy.Provider, provider string, toks []policy.Token, more func(t *testing.T, pols []policy.Policy)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		newProvider().Detect(data)
		pols, err := newProvider().Parse("fuzz.json", data)
		if err != nil {
			if len(pols) != 0 {
				t.Fatalf("Parse returned policies along with error %v", err)
			}
			return
		}
		for _, p := range pols {
			for _, tok := range toks {
				CheckResult(t, provider, p.Evaluate(tok))
			}
		}
		if more != nil {
			more(t, pols)
		}
	})
}
