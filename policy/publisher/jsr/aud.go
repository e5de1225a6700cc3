package jsr

import (
	"errors"
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
)

// Level is how much one package/publish permission grants.
type Level string

const (
	LevelVersion Level = "version" // one version of one package, with its tarball's hash
	LevelPackage Level = "package" // any version of one package
	LevelScope   Level = "scope"   // any package of the scope
)

// Permission is one package/publish permission of an aud.
type Permission struct {
	Level                                Level
	Scope, Package, Version, TarballHash string
}

// errAud is wrapped by every reason an aud is not JSR's permissions JSON.
var errAud = errors.New("not JSR's permissions JSON")

// ParsePermissions reads aud as JSR's GithubOidcTokenAud: a JSON object
// whose permissions list holds package/publish permissions. Each is read
// as serde reads JSR's untagged PackagePublishPermission: the version form
// when scope, package, version and tarballHash are all valid, else the
// package form when scope and package are, else the scope form; other
// members are ignored. So a permission with an invalid version grants the
// whole package, as it does at JSR.
func ParsePermissions(aud string) ([]Permission, error) {
	v, errs := decode.ParseJSON("aud", []byte(aud))
	if len(errs) > 0 {
		return nil, fmt.Errorf("%w: %w", errAud, errs[0])
	}
	if v.Kind != decode.Object {
		return nil, fmt.Errorf("%w: aud is not a JSON object", errAud)
	}
	list, err := member(v, "permissions")
	if err != nil {
		return nil, err
	}
	if list.Kind != decode.Array {
		return nil, fmt.Errorf("%w: permissions is not a list", errAud)
	}
	out := make([]Permission, 0, len(list.Items))
	for i, it := range list.Items {
		p, err := permission(it)
		if err != nil {
			return nil, fmt.Errorf("permission %d: %w", i+1, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// member is the one member named key of an object.
func member(v decode.Value, key string) (decode.Value, error) {
	var found *decode.Value
	for i, m := range v.Members {
		if m.Key != key {
			continue
		}
		if found != nil {
			return decode.Value{}, fmt.Errorf("%w: duplicate field %q", errAud, key)
		}
		found = &v.Members[i].Value
	}
	if found == nil {
		return decode.Value{}, fmt.Errorf("%w: missing field %q", errAud, key)
	}
	return *found, nil
}

// text is the member key as a string, if it is one.
func text(v decode.Value, key string) (string, bool) {
	m, err := member(v, key)
	if err != nil || m.Kind != decode.String {
		return "", false
	}
	return m.Text, true
}

func permission(v decode.Value) (Permission, error) {
	if v.Kind != decode.Object {
		return Permission{}, fmt.Errorf("%w: not a JSON object", errAud)
	}
	tag, err := member(v, "permission")
	if err != nil {
		return Permission{}, err
	}
	if tag.Kind != decode.String || tag.Text != "package/publish" {
		return Permission{}, fmt.Errorf("%w: unknown permission (JSR knows only \"package/publish\")", errAud)
	}
	scope, sOK := text(v, "scope")
	pkg, pOK := text(v, "package")
	version, vOK := text(v, "version")
	hash, hOK := text(v, "tarballHash")
	sOK = sOK && validScope(scope)
	pOK = pOK && validPackage(pkg)
	switch {
	case sOK && pOK && vOK && validVersion(version) && hOK:
		return Permission{Level: LevelVersion, Scope: scope, Package: pkg, Version: version, TarballHash: hash}, nil
	case sOK && pOK:
		return Permission{Level: LevelPackage, Scope: scope, Package: pkg}, nil
	case sOK:
		return Permission{Level: LevelScope, Scope: scope}, nil
	}
	return Permission{}, fmt.Errorf("%w: data did not match any variant of untagged enum PackagePublishPermission (a valid scope is needed; a package and a version must be valid JSR names and a normalized semver version)", errAud)
}

// Covers reports whether p grants publishing version of scope/pkg, as
// check_publish_access decides. An empty version is any version: a
// version-level permission then covers only its own.
func (p Permission) Covers(scope, pkg, version string) bool {
	switch p.Level {
	case LevelVersion:
		return p.Scope == scope && p.Package == pkg && (version == "" || p.Version == version)
	case LevelPackage:
		return p.Scope == scope && p.Package == pkg
	case LevelScope:
		return p.Scope == scope
	}
	return false
}

// String names what p grants.
func (p Permission) String() string {
	switch p.Level {
	case LevelVersion:
		return fmt.Sprintf("@%s/%s@%s (tarball %s)", p.Scope, p.Package, p.Version, p.TarballHash)
	case LevelPackage:
		return fmt.Sprintf("@%s/%s, any version", p.Scope, p.Package)
	}
	return fmt.Sprintf("any package of @%s", p.Scope)
}
