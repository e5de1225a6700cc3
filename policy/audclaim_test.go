package policy

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

func TestReadAudience(t *testing.T) {
	ambiguous := func(Token, []string) []string { return []string{"twice"} }
	for _, c := range []struct {
		claims string
		auds   []string
		absent bool
		diag   string
	}{
		{`{"aud":"a"}`, []string{"a"}, false, ""},
		{`{"aud":["a","b"]}`, []string{"a", "b"}, false, ""},
		{`{"aud":"a","aud":"b"}`, nil, false, "twice"},
		{`{"aud":1}`, nil, false, "aud must be a string or a list of strings"},
		{`{}`, nil, true, Absent("aud")},
	} {
		v, _ := decode.ParseJSON("payload", []byte(c.claims))
		var cond Condition
		auds, ok := ReadAudience(NewToken(v), &cond, ambiguous)
		if ok != (c.diag == "") || !slices.Equal(auds, c.auds) || cond.Absent != c.absent {
			t.Errorf("%s: %v %v, absent %v", c.claims, auds, ok, cond.Absent)
		}
		if c.diag != "" && (cond.Result != Fail || !slices.Equal(cond.Diagnosis, []string{c.diag})) {
			t.Errorf("%s: %s %q, want fail %q", c.claims, cond.Result, cond.Diagnosis, c.diag)
		}
	}
}
