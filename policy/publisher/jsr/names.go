package jsr

import (
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// semverRE is semver 2.0.0's own pattern: JSR's Version requires a
// standard semver version written in its normal form (no v, no spaces).
var semverRE = lazyre.New(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// validName is jsr_types' ScopeName and PackageName rule: lower-case
// ASCII letters, digits and single inner hyphens, between min and max
// bytes long.
func validName(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

func validScope(s string) bool   { return validName(s, 2, 20) }
func validPackage(s string) bool { return validName(s, 2, 58) }
func validVersion(s string) bool { return semverRE().MatchString(s) }

// splitPackage reads "@scope/name" (ScopedPackageName); ok is false
// unless both parts are valid.
func splitPackage(s string) (scope, name string, ok bool) {
	rest, at := strings.CutPrefix(s, "@")
	scope, name, slash := strings.Cut(rest, "/")
	if !at || !slash || !validScope(scope) || !validPackage(name) {
		return "", "", false
	}
	return scope, name, true
}
