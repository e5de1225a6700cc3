package ui

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// What reaches the clipboard from outside is escaped like what reaches the
// screen: pasted into a shell, a raw ESC [201~ ends bracketed paste early
// and the line break after it runs whatever follows. Each function returns
// the text to copy and whether anything in it had to be escaped.

// clipValue is one outside string: as it is when escaping would change
// nothing but its backslashes, else the escaped form the screen shows.
func clipValue(s string) (string, bool) {
	if escape.Plain(s) {
		return s, false
	}
	return escape.Text(s), true
}

// clipJSON is a JSON text: JSON already escapes C0 controls in strings;
// escape.JSON adds the rest, as the screen does, and keeps it valid JSON.
func clipJSON(js []byte) (string, bool) {
	out := escape.JSON(js)
	s, escaped := clipValue(string(out)) // only a raw control outside escape.JSON's reach
	return s, escaped || !bytes.Equal(out, js)
}

// clipDocument is text we wrote around outside values (a ready-to-paste
// condition): its own line breaks and tabs may stay, but only while no
// outside value can have put one there. When hostile (the token holds a
// string that is not escape.Plain) or when escaping changed anything, line
// breaks and tabs are written as \n and \t too.
func clipDocument(s string, hostile func() bool) (string, bool) {
	out := escape.Document(s)
	if !strings.ContainsAny(out, "\n\t") {
		return out, out != s
	}
	if out == s && !hostile() {
		return s, false
	}
	return strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(out), true
}

// clipToken is the token the inspector shows: the compact serialization
// (base64url and dots), or a JSON serialization compacted onto one line
// with its strings escaped.
func clipToken(text string) (string, bool) {
	if strings.HasPrefix(text, "{") {
		var b bytes.Buffer
		if json.Compact(&b, []byte(text)) == nil {
			s, escaped := clipJSON(b.Bytes())
			return s, escaped || strings.ContainsAny(text, "\n\r\t")
		}
	}
	return clipValue(text)
}

// plainResult reports whether every string a policy's result took from
// its file (the source, its name, each condition as written and what it
// accepts, its group) is escape.Plain: the values a fix to the document
// is built from.
func plainResult(p policy.Result) bool {
	if !escape.Plain(p.Source) || !escape.Plain(p.Name) {
		return false
	}
	for _, c := range p.Conditions {
		if !escape.Plain(c.Expression) || !escape.Plain(c.Group) {
			return false
		}
		for _, e := range c.Expected {
			if !escape.Plain(e) {
				return false
			}
		}
	}
	return true
}

// plainValue reports whether every string in v, member names included,
// is escape.Plain.
func plainValue(v decode.Value) bool {
	switch v.Kind {
	case decode.String:
		return escape.Plain(v.Text)
	case decode.Array:
		for _, it := range v.Items {
			if !plainValue(it) {
				return false
			}
		}
	case decode.Object:
		for _, m := range v.Members {
			if !escape.Plain(m.Key) || !plainValue(m.Value) {
				return false
			}
		}
	}
	return true
}
