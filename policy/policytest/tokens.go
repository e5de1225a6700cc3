// Package policytest holds what the provider packages' tests share: the
// signed static fixture tokens, tokens built from hand-written or edited
// claims, lookups in a policy.Result, the fixture READMEs' tables, the
// suggestion round trip and refusals, and the seeds and bodies of the
// fuzz targets every document parser has. Only tests import it.
package policytest

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy"
)

// FixtureNames returns the names of the static fixture tokens, in the
// fixtures package's order (push-main first); the slice is the caller's.
func FixtureNames() []string { return fixtures.Names() }

// FixtureToken reads and decodes the signed static token
// fixtures/testdata/static/<name>.jwt. The files, not freshly signed
// copies, are what the fixture READMEs describe, so tests read those.
func FixtureToken(t testing.TB, name string) policy.Token {
	t.Helper()
	root, err := testseeds.ModuleRoot()
	if err != nil {
		t.Fatalf("fixture token %s: %v", name, err)
	}
	b, err := os.ReadFile(filepath.Join(root, "fixtures", filepath.FromSlash(fixtures.StaticDir), name+".jwt"))
	if err != nil {
		t.Fatalf("reading fixture token %s: %v", name, err)
	}
	tok, err := decode.Parse(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("decoding fixture token %s: %v", name, err)
	}
	return policy.NewToken(tok.Payload)
}

// Payload builds a token from a JSON claim set. Duplicate keys are kept,
// since tests of ambiguous tokens need them; any other problem fails the
// test.
func Payload(t testing.TB, claims string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(claims))
	for _, e := range errs {
		if !errors.Is(e, decode.ErrDuplicateKey) {
			t.Fatalf("test claims %s: %v", claims, e)
		}
	}
	return policy.NewToken(v)
}

// ClaimsWith is the fixture claim set fixtures/claims/<name>.json with
// changes applied: a value replaces or adds the claim (as encoding/json
// encodes it), nil removes it. Claims come out in key order, as
// encoding/json writes a map.
func ClaimsWith(t testing.TB, name string, changes map[string]any) policy.Token {
	t.Helper()
	raw, err := fixtures.ClaimSet(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("claim set %s: %v", name, err)
	}
	for k, v := range changes {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("claim set %s with %v: %v", name, changes, err)
	}
	return Payload(t, string(b))
}

// TokenWith is the JSON object base with changes applied, as a token (see
// EditClaims).
func TokenWith(t testing.TB, base string, changes map[string]string) policy.Token {
	t.Helper()
	return Payload(t, EditClaims(t, base, changes))
}

// EditClaims returns the JSON object base with changes applied. A change's
// value is raw JSON, written as given (so a test can slip in a duplicate
// key); it replaces the member of that name where it stands, "" removes
// it, and changes naming no member are appended in key order.
func EditClaims(t testing.TB, base string, changes map[string]string) string {
	t.Helper()
	v, errs := decode.ParseJSON("base", []byte(base))
	if len(errs) > 0 || v.Kind != decode.Object {
		t.Fatalf("base claims %s: not a JSON object without duplicates: %v", base, errs)
	}
	var members []string
	add := func(key, val string) {
		k, _ := json.Marshal(key)
		members = append(members, string(k)+":"+val)
	}
	for _, m := range v.Members {
		val, changed := changes[m.Key]
		if !changed {
			raw, err := m.Value.MarshalJSON()
			if err != nil {
				t.Fatalf("base claim %s: %v", m.Key, err)
			}
			val = string(raw)
		}
		if val != "" {
			add(m.Key, val)
		}
	}
	var added []string
	for k, val := range changes {
		if _, ok := v.Get(k); !ok && val != "" {
			added = append(added, k)
		}
	}
	slices.Sort(added)
	for _, k := range added {
		add(k, changes[k])
	}
	return "{" + strings.Join(members, ",") + "}"
}
