package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// TestParseValidAgrees: on every document the two parsers both read, they
// return the same value and the same duplicate-key errors; the cases cover
// what the fast parser handles itself (plain strings, numbers as written,
// duplicates by scan and by map) and what it hands to encoding/json.
func TestParseValidAgrees(t *testing.T) {
	many := func(n int, dup string) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, `"k%d":%d,`, i, i)
		}
		return b.String() + `"` + dup + `":true}`
	}
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	docs := []string{
		`{}`, `[]`, ` { "a" : [ 1 , -2.5e+10 , 0.0 ] , "b" : { } } `, `"x"`, `1E5`, `true`, `null`,
		`{"a":"\u00e9\n\"\\\/","é":"ü","e\u0301":1}`, `{"a":"\ud83d\ude00","b":"\ud800"}`,
		"{\"bad\":\"\xff\xfe\",\"ok\":\"\xc3\xa9\"}",
		`{"a":1,"a":2,"b":{"a":3,"a":4},"a":5}`,
		many(15, "k3"), many(16, "k3"), many(40, "k39"), many(40, "new"),
		nest(MaxDepth - 1), nest(MaxDepth), nest(MaxDepth + 1), `{"a":` + nest(MaxDepth) + `}`,
		"\t\r\n[\"\u2028\"]\n",
	}
	for _, d := range docs {
		t.Run("", func(t *testing.T) { sameAsStream(t, []byte(d)) })
	}
	for _, d := range testseeds.Small(append(testseeds.JSONTestSuite(t), testseeds.FixtureDocuments(t)...)) {
		sameAsStream(t, d)
	}
}

// TestParseValidTooDeep: past MaxDepth the fast parser steps aside and the
// error is the streaming parser's, at the right offset.
func TestParseValidTooDeep(t *testing.T) {
	doc := `{"a":` + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + `}`
	if _, _, ok := parseValid("payload", []byte(doc)); ok {
		t.Fatal("the fast parser read past MaxDepth")
	}
	_, errs := ParseJSON("payload", []byte(doc))
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooDeep) || errs[0].Offset != int64(5+MaxDepth-1) {
		t.Errorf("errors %v, want one ErrTooDeep at offset %d", errs, 5+MaxDepth-1)
	}
}

// TestAppendJSONAsEncoder: a value written back is what encoding/json
// (HTML escaping off) writes for its strings.
func TestAppendJSONAsEncoder(t *testing.T) {
	for _, s := range []string{"", "repo:octo-org/octo-repo:ref:refs/heads/main", "a<b>&c", "q\"uote", `back\slash`, "tab\t", "del\x7f", "é", "\u2028", "\x1b[31m", "\xff"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		if got := string(Value{Kind: String, Text: s}.AppendJSON(nil)); got != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("AppendJSON of %q = %s, encoding/json writes %s", s, got, want.String())
		}
	}
}

// TestParseValidCountsClaims: the claim set's members are counted before
// they are gathered, past commas and brackets in strings and nested
// values, so its list is allocated once at its size.
func TestParseValidCountsClaims(t *testing.T) {
	for _, doc := range []string{`{"a":1}`, `{"a":"x,}{[\"","b":[1,2,{"c":3}],"d":{"e":",","f":[]} , "g" : "\\\\"}`, `{"a":{},"a":[[],[{}]]}`} {
		v, _, ok := parseValid("payload", []byte(doc))
		if !ok {
			t.Fatalf("%s: not parsed", doc)
		}
		if len(v.Members) != cap(v.Members) {
			t.Errorf("%s: %d members in a list of capacity %d", doc, len(v.Members), cap(v.Members))
		}
	}
}
