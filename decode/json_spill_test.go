package decode

import (
	"strings"
	"testing"
)

// TestAppendJSONSpilling: spill is handed the bytes after every item and
// member at every depth, and what it takes away and what is left make
// AppendJSON's bytes.
func TestAppendJSONSpilling(t *testing.T) {
	for _, tc := range []struct {
		doc    string
		spills int // items and members, at every depth
	}{
		{`"x"`, 0},
		{`[]`, 0},
		{`{"a":1}`, 1},
		{`[1,[2,3],{"b":[true,null]}]`, 3 + 2 + 1 + 2},
		{`{"a":{"b":{"c":"d<e"}},"a":[{}],"f":-1.50e3}`, 3 + 1 + 1 + 1},
	} {
		v, _ := ParseJSON("payload", []byte(tc.doc)) // the duplicate "a" is kept, and said
		var passed strings.Builder
		n := 0
		rest := v.AppendJSONSpilling([]byte("<"), func(b []byte) []byte {
			n++
			passed.Write(b)
			return b[:0]
		})
		got := passed.String() + string(rest)
		if want := "<" + string(v.AppendJSON(nil)); got != want || got[1:] != tc.doc {
			t.Errorf("%s: spilled and kept make %s; AppendJSON makes %s", tc.doc, got, want)
		}
		if n != tc.spills {
			t.Errorf("%s: spill called %d times, want %d", tc.doc, n, tc.spills)
		}
	}
}
