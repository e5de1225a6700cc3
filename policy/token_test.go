package policy

import (
	"slices"
	"testing"
)

func TestStringList(t *testing.T) {
	tests := []struct {
		json string
		want []string
		ok   bool
	}{
		{`"a"`, []string{"a"}, true},
		{`["a","b"]`, []string{"a", "b"}, true},
		{`[]`, []string{}, true},
		{`["a",1]`, nil, false},
		{`1`, nil, false},
		{`null`, nil, false},
		{`{"a":"b"}`, nil, false},
	}
	for _, tt := range tests {
		v, err := ReadJSON([]byte(tt.json))
		if err != nil {
			t.Fatal(err)
		}
		got, ok := StringList(v)
		if ok != tt.ok || !slices.Equal(got, tt.want) || (ok && got == nil) {
			t.Errorf("StringList(%s) = %#v, %v; want %#v, %v", tt.json, got, ok, tt.want, tt.ok)
		}
	}
}
