package remote

import (
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/internal/strwalk"
)

// A file name need not be UTF-8, and JSON would carry its stray bytes as
// U+FFFD. Such a name goes to the helper as sourcePlaceholder (which no
// path holds: a NUL ends a path), and is put back into every string of
// what comes back, so results name the file as given, as in process.
const sourcePlaceholder = "\x00oidcscope-source\x00"

// wireSource is how source travels: itself, or the placeholder.
func wireSource(source string) string {
	if utf8.ValidString(source) {
		return source
	}
	return sourcePlaceholder
}

// restoreSource puts source back where the helper read wire for it, in
// every string of v.
func restoreSource[T any](v T, wire, source string) T {
	if wire == source {
		return v
	}
	return strwalk.Strings(v, func(s string) string { return strings.ReplaceAll(s, wire, source) })
}
