package gcp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const (
	fixtureDir = "../../fixtures/policies/gcp"
	ghIssuer   = "https://token.actions.githubusercontent.com"
	// referenceProvider is the provider of reference-hardened.json, and
	// refAud its default audience (google-github-actions/auth's).
	referenceProvider = "projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo"
	refAud            = "https://iam.googleapis.com/" + referenceProvider
)

// fixtureToken reads a static fixture token.
func fixtureToken(t testing.TB, name string) policy.Token { return policytest.FixtureToken(t, name) }

// payload builds a token from hand-written claims (duplicates allowed).
func payload(t testing.TB, claims string) policy.Token { return policytest.Payload(t, claims) }

// with is a fixture token with some claims replaced, added, or removed
// (value nil). A string value stays a string; any other value is JSON.
func with(t testing.TB, name string, changes map[string]any) policy.Token {
	t.Helper()
	tok := fixtureToken(t, name)
	var members []decode.Member
	done := map[string]bool{}
	conv := func(v any) decode.Value {
		if s, ok := v.(string); ok {
			return decode.Value{Kind: decode.String, Text: s}
		}
		raw := v.(rawJSON)
		val, errs := decode.ParseJSON("change", []byte(raw))
		if len(errs) > 0 {
			t.Fatalf("change %s: %v", raw, errs[0])
		}
		return val
	}
	for _, m := range tok.Payload.Members {
		if v, ok := changes[m.Key]; ok {
			done[m.Key] = true
			if v == nil {
				continue
			}
			m.Value = conv(v)
		}
		members = append(members, m)
	}
	keys := make([]string, 0, len(changes))
	for k := range changes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if v := changes[k]; !done[k] && v != nil {
			members = append(members, decode.Member{Key: k, Value: conv(v)})
		}
	}
	return policy.NewToken(decode.Value{Kind: decode.Object, Members: members})
}

// rawJSON marks a change value as JSON text (a number, a list…).
type rawJSON string

// parseOne parses a document that must hold one policy.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	pols, err := New().Parse("test.json", []byte(doc))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, doc)
	}
	if len(pols) != 1 {
		t.Fatalf("Parse returned %d policies, want 1", len(pols))
	}
	return pols[0]
}

func readFixture(t testing.TB, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixturePolicy parses a fixture file; "file#N" picks its Nth provider.
func fixturePolicy(t testing.TB, spec string) policy.Policy {
	t.Helper()
	file, index, _ := strings.Cut(spec, "#")
	pols, err := New().Parse(filepath.Join(fixtureDir, file), readFixture(t, file))
	if err != nil {
		t.Fatalf("Parse %s: %v", file, err)
	}
	if index == "" {
		if len(pols) != 1 {
			t.Fatalf("%s holds %d providers; name one as %s#N", file, len(pols), file)
		}
		return pols[0]
	}
	for _, p := range pols {
		if strings.HasSuffix(p.Source(), "#"+index) {
			return p
		}
	}
	t.Fatalf("%s has no provider #%s", file, index)
	return nil
}

// providerDoc builds a provider document (name referenceProvider, issuer
// GitHub's unless fields set oidc) around fields (JSON members, without
// the outer braces).
func providerDoc(fields string) string {
	if strings.Contains(fields, `"oidc"`) {
		return `{"name": "` + referenceProvider + `", ` + fields + `}`
	}
	return `{"name": "` + referenceProvider + `", "oidc": {"issuerUri": "` + ghIssuer + `"}, ` + fields + `}`
}

// cond finds the condition whose expression contains s.
func cond(t testing.TB, r policy.Result, s string) policy.Condition {
	t.Helper()
	return policytest.ConditionWith(t, r, s)
}

// hasLine reports whether some line contains every part.
func hasLine(lines []string, parts ...string) bool { return policytest.HasLine(lines, parts...) }

// rules lists the lint rule ids of a result.
func rules(r policy.Result) []string {
	var ids []string
	for _, f := range r.Lint {
		ids = append(ids, f.Rule)
	}
	return ids
}
