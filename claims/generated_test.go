package claims

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// TestDefaultIsTheFiles: the catalog built from the generated Go is the one
// the JSON files make.
func TestDefaultIsTheFiles(t *testing.T) {
	files, err := Load(os.DirFS("."), "profiles")
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(files.Profiles())
	b, _ := json.Marshal(builtin.Profiles())
	if !bytes.Equal(a, b) || len(a) < 100_000 {
		t.Errorf("the built-in catalog (%d bytes of JSON) differs from profiles/*.json (%d bytes)", len(b), len(a))
	}
	for _, p := range builtin.Profiles() {
		for _, ip := range p.Issuers {
			if ip.matches == nil {
				t.Errorf("%s: issuer pattern %q not compiled", p.ID, ip.Variant)
			}
		}
	}
}

// TestBuiltinIssuerPatternsCompile: the built-in catalog compiles its
// issuer patterns on first use, which must not fail in a run; and an
// invalid pattern from files is refused as it loads.
func TestBuiltinIssuerPatternsCompile(t *testing.T) {
	builtin, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range builtin.Profiles() {
		for _, ip := range p.Issuers {
			if _, err := regexp.Compile(anchor(ip.Pattern)); err != nil {
				t.Errorf("%s: issuer pattern %q: %v", p.ID, ip.Variant, err)
			}
		}
	}
	bad := &Profile{ID: "bad", Name: "Bad", Issuers: []IssuerPattern{{Variant: "v", Pattern: "https://(unclosed"}}}
	if _, err := newCatalog([]*Profile{bad, {ID: GenericID, Name: "Generic"}}, now); err == nil {
		t.Error("an invalid issuer pattern loaded from files was accepted")
	}
}
