package view

import (
	"bytes"
	"encoding/json"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
)

// shown is how a string from outside is shown, everywhere.
func shown(raw string) string { return escape.Text(raw) }

func shownAll(raws []string) []string {
	out := make([]string, len(raws))
	for i, r := range raws {
		out[i] = shown(r)
	}
	return out
}

// Value shows strings bare (escaped) and everything else as compact JSON.
// A string that would read as another JSON type keeps its quotes, so
// "ref_protected": "true" is not mistaken for a boolean.
func Value(v decode.Value) string {
	if v.Kind == decode.String && v.Text != "" && !json.Valid([]byte(v.Text)) {
		return shown(v.Text)
	}
	js, err := v.MarshalJSON()
	if err != nil {
		return "?"
	}
	// JSON text already escapes C0 controls and backslashes; escape.JSON
	// adds the rest, so nested values are escaped once, JSON-style.
	return string(escape.JSON(js))
}

// Raw shows bytes from outside that are not JSON, such as a payload that
// did not parse.
func Raw(b []byte) string { return shown(string(b)) }

// Key shows a member's name.
func Key(name string) string { return shown(name) }

// PrettyJSON indents a decoded value, keeping its member order and its
// numbers as written; escape.JSON then escapes what JSON leaves raw.
func PrettyJSON(v decode.Value) string {
	if v.Kind == decode.Null && v.Text == "" {
		return "(could not be decoded)"
	}
	js, err := v.MarshalJSON()
	if err != nil {
		return "(could not be shown: " + shown(err.Error()) + ")"
	}
	var out bytes.Buffer
	if err := json.Indent(&out, js, "", "  "); err != nil {
		return string(escape.JSON(js))
	}
	return string(escape.JSON(out.Bytes()))
}
