package policy

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

func TestReadJSONSaysWhereItBreaks(t *testing.T) {
	_, err := ReadJSON([]byte("{\n  \"a\": 1,\n  \"b\": }\n"))
	if err == nil {
		t.Fatal("want an error for broken JSON")
	}
	var de *decode.Error
	if !errors.As(err, &de) || !errors.Is(err, decode.ErrNotJSON) {
		t.Errorf("the error should wrap the *decode.Error and its cause: %v", err)
	}
	if !strings.Contains(err.Error(), "at line 3, column ") {
		t.Errorf("the error should name line 3: %v", err)
	}
}

func TestReadJSONLeavesDuplicatesAndBadUTF8ToTheFields(t *testing.T) {
	v, err := ReadJSON([]byte("{\"a\":1,\"a\":2,\"b\":\"\xff\"}"))
	if err != nil {
		t.Fatalf("duplicate keys and invalid UTF-8 are not document errors: %v", err)
	}
	if v.Count("a") != 2 || len(v.Members) != 3 {
		t.Errorf("members should be kept in order with duplicates: %+v", v.Members)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\ncd\n\nxyz")
	tests := []struct {
		off       int64
		line, col int
	}{
		{0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 3, 1}, {7, 4, 1}, {9, 4, 3},
		{-5, 1, 1},  // clamped to the start
		{100, 4, 4}, // clamped to the end
	}
	for _, tt := range tests {
		if line, col := LineCol(data, tt.off); line != tt.line || col != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestFirstLine(t *testing.T) {
	data := []byte("[\n  {},\n  {\n    \"k\": 1}]")
	v, err := ReadJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := FirstLine(data, v.Items[1]); got != 4 {
		t.Errorf("FirstLine of the second object = %d, want 4 (its first key)", got)
	}
	if got := FirstLine(data, v.Items[0]); got != 0 {
		t.Errorf("FirstLine of an empty object = %d, want 0 (unknown)", got)
	}
}

func TestKeyList(t *testing.T) {
	parse := func(s string) decode.Value {
		v, err := ReadJSON([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := KeyList(parse(`{}`)); got != "none" {
		t.Errorf("KeyList({}) = %q, want none", got)
	}
	if got := KeyList(parse(`{"a":1,"b":2}`)); got != `"a", "b"` {
		t.Errorf("KeyList = %q", got)
	}
	if got := KeyList(parse(`{"1":0,"2":0,"3":0,"4":0,"5":0,"6":0,"7":0}`)); got != `"1", "2", "3", "4", "5", "6", …` {
		t.Errorf("KeyList of seven keys = %q, want the first six and …", got)
	}
	long := strings.Repeat("k", 50)
	if got := KeyList(parse(`{"` + long + `":0}`)); got != `"`+strings.Repeat("k", 40)+`…"` {
		t.Errorf("a long key should be shortened: %q", got)
	}
}

func TestShortenCutsAtARuneBoundary(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"abcdef", 3, "abc…"},
		{"aé", 2, "a…"}, // é is two bytes: cutting inside it backs up
		{"日本", 4, "日…"}, // 日 is three bytes
	}
	for _, tt := range tests {
		got := Shorten(tt.s, tt.n)
		if got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestNumberedSource(t *testing.T) {
	if got := NumberedSource("roles.json", 1, 1); got != "roles.json" {
		t.Errorf("a document's only policy keeps the file name: %q", got)
	}
	if got := NumberedSource("roles.json", 2, 3); got != "roles.json#2" {
		t.Errorf("NumberedSource = %q, want roles.json#2", got)
	}
}

func TestTrimBOM(t *testing.T) {
	if got := string(TrimBOM([]byte("\xef\xbb\xbf{}"))); got != "{}" {
		t.Errorf("TrimBOM = %q", got)
	}
	if got := string(TrimBOM([]byte(" \xef\xbb\xbf{}"))); got != " \xef\xbb\xbf{}" {
		t.Errorf("only a leading mark is dropped: %q", got)
	}
}
