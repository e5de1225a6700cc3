package aws

import (
	"bytes"
	"strings"
	"testing"
)

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A case id must regenerate the same case: reproductions print only the
// seed and index.
func TestGenerateIsDeterministic(t *testing.T) {
	for _, tc := range []struct {
		seed  uint64
		index int
	}{{1, 0}, {1, 7}, {20261206, 1274}} {
		a, b := Generate(tc.seed, tc.index), Generate(tc.seed, tc.index)
		if a.ID != b.ID || !bytes.Equal(mustJSON(t, a.Doc), mustJSON(t, b.Doc)) || !bytes.Equal(mustJSON(t, a.Claims), mustJSON(t, b.Claims)) {
			t.Errorf("Generate(%d, %d) gave two different cases", tc.seed, tc.index)
		}
	}
	if bytes.Equal(mustJSON(t, Generate(1, 3).Doc), mustJSON(t, Generate(2, 3).Doc)) &&
		bytes.Equal(mustJSON(t, Generate(1, 3).Claims), mustJSON(t, Generate(2, 3).Claims)) {
		t.Errorf("seeds 1 and 2 gave the same case 3")
	}
}

// The generator must cover what the issue asks for, or agreement is
// measured on too narrow a set.
func TestGeneratorCoversTheFeatures(t *testing.T) {
	want := map[string]func(doc, claims string) bool{
		"Deny statement":         func(d, _ string) bool { return strings.Contains(d, `"Effect":"Deny"`) },
		"StringEquals":           func(d, _ string) bool { return strings.Contains(d, `"StringEquals":`) },
		"StringNotEquals":        func(d, _ string) bool { return strings.Contains(d, `"StringNotEquals":`) },
		"StringEqualsIgnoreCase": func(d, _ string) bool { return strings.Contains(d, `"StringEqualsIgnoreCase":`) },
		"StringNotEqualsIgnoreCase": func(d, _ string) bool {
			return strings.Contains(d, `"StringNotEqualsIgnoreCase":`)
		},
		"StringLike":         func(d, _ string) bool { return strings.Contains(d, `"StringLike":`) },
		"StringNotLike":      func(d, _ string) bool { return strings.Contains(d, `"StringNotLike":`) },
		"Null":               func(d, _ string) bool { return strings.Contains(d, `"Null":`) },
		"IfExists":           func(d, _ string) bool { return strings.Contains(d, `IfExists":`) },
		"ForAnyValue:":       func(d, _ string) bool { return strings.Contains(d, `"ForAnyValue:`) },
		"ForAllValues:":      func(d, _ string) bool { return strings.Contains(d, `"ForAllValues:`) },
		"* wildcard":         func(d, _ string) bool { return strings.Contains(d, `*"`) },
		"? wildcard":         func(d, _ string) bool { return strings.Contains(d, `?`) },
		"value array":        func(d, _ string) bool { return strings.Contains(d, `":["`) },
		"token key variable": func(d, _ string) bool { return strings.Contains(d, `${token.actions.githubusercontent.com:`) },
		"aws: variable":      func(d, _ string) bool { return strings.Contains(d, `${aws:`) },
		"variable default":   func(d, _ string) bool { return strings.Contains(d, `, '`) },
		"${?} ${*} ${$}": func(d, _ string) bool {
			return strings.Contains(d, `${?}`) && strings.Contains(d, `${*}`) && strings.Contains(d, `${$}`)
		},
		"key written in other case": func(d, _ string) bool { return strings.Contains(d, `TOKEN.ACTIONS.`) },
		"key AWS does not evaluate": func(d, _ string) bool { return strings.Contains(d, `:workflow_ref"`) },
		"aud array":                 func(_, c string) bool { return strings.Contains(c, `"aud":["`) },
		"environment sub":           func(_, c string) bool { return strings.Contains(c, `:environment:`) },
		"pull_request sub":          func(_, c string) bool { return strings.Contains(c, `:pull_request"`) },
		"immutable sub":             func(_, c string) bool { return strings.Contains(c, `"sub":"repo:`) && strings.Contains(c, `@`) },
		"empty claim":               func(_, c string) bool { return strings.Contains(c, `":""`) },
		"GHES issuer":               func(_, c string) bool { return strings.Contains(c, `/_services/token"`) },
		"invalid document":          func(d, _ string) bool { return strings.Contains(d, `"Resource":`) },
	}
	seen := map[string]bool{}
	for i := range 2000 {
		c := Generate(20261206, i)
		doc, claims := string(mustJSON(t, c.Doc)), string(mustJSON(t, c.Claims))
		for name, has := range want {
			if has(doc, claims) {
				seen[name] = true
			}
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("2000 generated cases have no %s", name)
		}
	}
}
