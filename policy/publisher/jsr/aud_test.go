package jsr

import (
	"errors"
	"testing"
)

// TestParsePermissions reads aud as serde reads GithubOidcTokenAud
// (crates/jsr_types/src/models.rs): the untagged variants in order, names
// validated as ids.rs's test_scope_name, test_package_name and
// test_version expect.
func TestParsePermissions(t *testing.T) {
	for _, tc := range []struct {
		name, aud string
		want      []Permission
	}{
		{"version", `{"permissions":[{"permission":"package/publish","scope":"scope","package":"foo","version":"1.2.3-alpha.0","tarballHash":"sha256-1"}]}`,
			[]Permission{{Level: LevelVersion, Scope: "scope", Package: "foo", Version: "1.2.3-alpha.0", TarballHash: "sha256-1"}}},
		{"version without hash is the package", `{"permissions":[{"permission":"package/publish","scope":"scope","package":"foo","version":"1.2.3"}]}`,
			[]Permission{{Level: LevelPackage, Scope: "scope", Package: "foo"}}},
		{"version 1.2 is not one", `{"permissions":[{"permission":"package/publish","scope":"scope","package":"foo","version":"1.2","tarballHash":"h"}]}`,
			[]Permission{{Level: LevelPackage, Scope: "scope", Package: "foo"}}},
		{"invalid package name is the scope", `{"permissions":[{"permission":"package/publish","scope":"scope","package":"foo_bar"}]}`,
			[]Permission{{Level: LevelScope, Scope: "scope"}}},
		{"unknown members ignored", `{"other":1,"permissions":[{"permission":"package/publish","scope":"ry","x":[]}]}`,
			[]Permission{{Level: LevelScope, Scope: "ry"}}},
		{"empty list", `{"permissions":[]}`, []Permission{}},
	} {
		got, err := ParsePermissions(tc.aud)
		if err != nil || len(got) != len(tc.want) {
			t.Errorf("%s: %v, %v", tc.name, got, err)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: %+v, want %+v", tc.name, got[i], tc.want[i])
			}
		}
	}
	for _, bad := range []string{
		"sts.amazonaws.com", `["x"]`, `{}`, `{"permissions":{}}`, `{"permissions":[1]}`,
		`{"permissions":[{"scope":"scope"}]}`,                                   // no tag
		`{"permissions":[{"permission":"package/read","scope":"scope"}]}`,       // unknown tag
		`{"permissions":[{"permission":"package/publish","scope":"Foo"}]}`,      // ids.rs: "Foo" is not a scope
		`{"permissions":[{"permission":"package/publish","scope":"foo--bar"}]}`, // nor "foo--bar"
		`{"permissions":[{"permission":"package/publish","scope":"very-long-name-is-very-long"}]}`,
		`{"permissions":[],"permissions":[]}`,
	} {
		if _, err := ParsePermissions(bad); !errors.Is(err, errAud) {
			t.Errorf("ParsePermissions(%q) = %v, want errAud", bad, err)
		}
	}
}

// TestNames: rows of ids.rs test_scope_name, test_package_name and
// test_version.
func TestNames(t *testing.T) {
	for _, s := range []string{"ry", "foo", "foo-bar", "foo-123-bar", "f123", "foo-bar-baz-qux"} {
		if !validScope(s) || !validPackage(s) {
			t.Errorf("%q refused", s)
		}
	}
	for _, s := range []string{"", "f", "Foo", "oooF", "foo_bar", "-foo", "foo-", "foo--bar", "foo-123-", "@foo", "foo@"} {
		if validScope(s) || validPackage(s) {
			t.Errorf("%q accepted", s)
		}
	}
	if validScope("very-long-name-is-very-long") || !validPackage("very-long-name-is-very-long") {
		t.Error("length limits")
	}
	for v, ok := range map[string]bool{"1.2.3": true, "1.2.3-alpha.0": true, "1.2": false, "": false, "0..0": false, "v1.2.3": false, " v1.2.3": false, "v1.2.3 ": false} {
		if validVersion(v) != ok {
			t.Errorf("validVersion(%q) = %v", v, !ok)
		}
	}
	if s, p, ok := splitPackage("@scope/foo"); !ok || s != "scope" || p != "foo" {
		t.Errorf("splitPackage: %q %q %v", s, p, ok)
	}
	for _, bad := range []string{"scope/foo", "@scope", "@Scope/foo", "@scope/foo/bar"} {
		if _, _, ok := splitPackage(bad); ok {
			t.Errorf("splitPackage(%q) accepted", bad)
		}
	}
}

func FuzzParsePermissions(f *testing.F) {
	f.Add(versionAud)
	f.Add(`{"permissions":[{"permission":"package/publish","scope":"scope"}]}`)
	f.Add("\x1b]52;c;aGk=\a")
	f.Fuzz(func(t *testing.T, aud string) {
		perms, err := ParsePermissions(aud)
		if err != nil && perms != nil {
			t.Fatalf("permissions with an error: %v", perms)
		}
		for _, p := range perms {
			if !validScope(p.Scope) || (p.Level != LevelScope && !validPackage(p.Package)) {
				t.Fatalf("invalid names kept: %+v", p)
			}
			if !p.Covers(p.Scope, p.Package, p.Version) {
				t.Fatalf("%+v does not cover itself", p)
			}
		}
	})
}
