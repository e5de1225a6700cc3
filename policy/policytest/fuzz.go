package policytest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// The fuzz targets of the providers that read sample documents from a
// fixture folder (gcp, k8s) share their seeding, their tokens and the
// property they check of Parse; what differs (the seeds written for
// each format, the hostile claims, how much of Suggest an input runs)
// stays in each provider's test.

// fixtureFiles lists the documents in folder: every regular file but the
// README, which describes the samples and is no document.
func fixtureFiles(folder string) []string {
	files, _ := filepath.Glob(filepath.Join(folder, "*"))
	var out []string
	for _, file := range files {
		if st, err := os.Stat(file); err == nil && st.Mode().IsRegular() && filepath.Ext(file) != ".md" {
			out = append(out, file)
		}
	}
	return out
}

// SeedFixtureDocuments adds every sample document in folder to f.
func SeedFixtureDocuments(f *testing.F, folder string) {
	f.Helper()
	for _, file := range fixtureFiles(folder) {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
}

// FixtureDocumentPolicies parses every sample document in folder with p;
// a document that does not parse fails the fuzz target before it starts.
func FixtureDocumentPolicies(f *testing.F, p policy.Provider, folder string) []policy.Policy {
	f.Helper()
	var pols []policy.Policy
	for _, file := range fixtureFiles(folder) {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		ps, err := p.Parse(file, b)
		if err != nil {
			f.Fatal(err)
		}
		pols = append(pols, ps...)
	}
	return pols
}

// SeedClaimSets adds the claim sets fixtures/claims/<name>.json to f.
func SeedClaimSets(f *testing.F, names ...string) {
	f.Helper()
	for _, name := range names {
		if b, err := os.ReadFile(filepath.Join("../../fixtures/claims", name+".json")); err == nil {
			f.Add(b)
		}
	}
}

// FuzzTokens is what a parse fuzz target evaluates every policy against:
// the push-main fixture token, the provider's hostile claims (duplicate
// keys, wrong types) and a token with no claims at all.
func FuzzTokens(f *testing.F, hostile string) []policy.Token {
	f.Helper()
	v, _ := decode.ParseJSON("payload", []byte(hostile))
	return []policy.Token{FixtureToken(f, "push-main"), policy.NewToken(v), policy.NewToken(decode.Value{})}
}

// FuzzParse runs the fuzz target every document parser shares: Detect and
// Parse never panic, and every policy Parse returns evaluates each of
// toks to a result that keeps CheckResult's invariants (a known verdict,
// an error verdict saying what the error is).
func FuzzParse(f *testing.F, newProvider func() policy.Provider, source string, toks []policy.Token) {
	f.Fuzz(func(t *testing.T, data []byte) {
		newProvider().Detect(data)
		pols, err := newProvider().Parse(source, data)
		if err != nil {
			return
		}
		for _, p := range pols {
			for _, tk := range toks {
				CheckResult(t, p.Provider(), p.Evaluate(tk))
			}
		}
	})
}

// FuzzEvaluateToken runs the fuzz target over token payloads: every one
// of pols evaluates any payload, and p's Snippets and Suggest (for the
// scopes scopes picks for the input) never panic. Suggest checks its own
// round trip and errors rather than return a document that does not
// allow the token.
func FuzzEvaluateToken(f *testing.F, p policy.Provider, pols []policy.Policy, scopes func(data []byte) []policy.Scope) {
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _ := decode.ParseJSON("payload", data)
		tok := policy.NewToken(v)
		for _, pol := range pols {
			pol.Evaluate(tok)
		}
		p.Snippets(tok)
		for _, scope := range scopes(data) {
			_, _ = p.Suggest(tok, scope)
		}
	})
}

// LenientTokens builds a token from each claim set as the decoder reads
// it, problems and all: fuzz targets want the broken tokens (duplicate
// keys, wrong types) that Payload refuses.
func LenientTokens(claimSets ...string) []policy.Token {
	toks := make([]policy.Token, 0, len(claimSets))
	for _, claims := range claimSets {
		v, _ := decode.ParseJSON("payload", []byte(claims))
		toks = append(toks, policy.NewToken(v))
	}
	return toks
}
