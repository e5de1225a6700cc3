package remote

import (
	"reflect"
	"strings"
	"unicode/utf8"
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
// every string *v holds (v is a pointer).
func restoreSource(v any, wire, source string) {
	if wire == source {
		return
	}
	restoreValue(reflect.ValueOf(v).Elem(), wire, source)
}

func restoreValue(v reflect.Value, wire, source string) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(strings.ReplaceAll(v.String(), wire, source))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			restoreValue(v.Field(i), wire, source)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			restoreValue(v.Index(i), wire, source)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			restoreValue(v.Elem(), wire, source)
		}
	}
}
