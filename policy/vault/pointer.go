package vault

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// found is the result of looking a claim up the way Vault's getClaim does.
type found struct {
	val     decode.Value
	ok      bool   // a value is there (JSON null counts as missing, as in Vault)
	why     string // why a pointer found nothing
	top     string // the top-level claim the lookup reads
	pointer bool
}

// lookup reads a claim: a top-level key, or an RFC 6901 JSON Pointer when
// the name starts with "/" (Vault uses mitchellh/pointerstructure). In the
// pointer's nested objects the last of duplicate keys wins, as in Go's
// encoding/json; a duplicated top-level claim is the caller's to report.
func lookup(payload decode.Value, name string) found {
	if !strings.HasPrefix(name, "/") {
		v, ok := payload.Get(name)
		return found{val: v, ok: ok && v.Kind != decode.Null, top: name}
	}
	parts := pointerParts(name)
	f := found{pointer: true, top: parts[0]}
	cur := payload
	for i, part := range parts {
		next, why := step(cur, part)
		if why != "" {
			f.why = fmt.Sprintf("at %s: %s", pointerPrefix(parts[:i+1]), why)
			return f
		}
		cur = next
	}
	f.val, f.ok = cur, cur.Kind != decode.Null
	if !f.ok {
		f.why = "the value there is null"
	}
	return f
}

// pointerParts splits a pointer that starts with "/" into its reference
// tokens, unescaping ~1 to "/" and then ~0 to "~".
func pointerParts(p string) []string {
	parts := strings.Split(p[1:], "/")
	for i, s := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return parts
}

func pointerPrefix(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(p, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// step descends one reference token.
func step(cur decode.Value, part string) (decode.Value, string) {
	switch cur.Kind {
	case decode.Object:
		var out decode.Value
		hit := false
		for _, m := range cur.Members {
			if m.Key == part {
				out, hit = m.Value, true
			}
		}
		if !hit {
			return out, "no member " + escape.Quoted(policy.Shorten(part, 60))
		}
		return out, ""
	case decode.Array:
		idx, err := pointerIndex(part)
		if err != nil {
			return decode.Value{}, escape.Quoted(policy.Shorten(part, 60)) + " is not a list index"
		}
		if idx < 0 || idx >= int64(len(cur.Items)) {
			return decode.Value{}, fmt.Sprintf("index %d is out of range (length %d)", idx, len(cur.Items))
		}
		return cur.Items[idx], ""
	}
	return decode.Value{}, "cannot descend into a " + cur.Kind.String()
}

// pointerIndex reads a list index as pointerstructure does, through
// mapstructure's weak decoding: "" is 0, and Go's base prefixes and
// underscores are accepted (strconv.ParseInt with base 0).
func pointerIndex(part string) (int64, error) {
	if part == "" {
		part = "0"
	}
	return strconv.ParseInt(part, 0, 64)
}
