package policy

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
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

// TestTokenIndex: the index NewToken builds answers as a scan of the
// claims would, duplicates included; a zero Token still answers.
func TestTokenIndex(t *testing.T) {
	v, _ := decode.ParseJSON("payload", []byte(`{"iss":"a","aud":["x"],"iss":"b","n":1,"iss":"c","sub":"s","sub":"t"}`))
	for _, tok := range []Token{NewToken(v), {Payload: v}} {
		for name, want := range map[string]int{"iss": 3, "sub": 2, "aud": 1, "n": 1, "none": 0} {
			if got := tok.Count(name); got != want {
				t.Errorf("Count(%s) = %d, want %d", name, got, want)
			}
			if got := tok.Duplicated(name); got != (want > 1) {
				t.Errorf("Duplicated(%s) = %v", name, got)
			}
		}
		if s, ok := tok.String("iss"); !ok || s != "a" {
			t.Errorf("String(iss) = %q %v, want the first, a", s, ok)
		}
		if txt, ok := tok.Text("n"); !ok || txt != "1" {
			t.Errorf("Text(n) = %q %v", txt, ok)
		}
		if l, ok := tok.Strings("aud"); !ok || len(l) != 1 || l[0] != "x" {
			t.Errorf("Strings(aud) = %v %v", l, ok)
		}
		if _, ok := tok.Claim("none"); ok {
			t.Error("Claim(none) found")
		}
	}
}

// TestTokenMemo: a conversion is built once per token, whoever asks and
// from however many goroutines; a zero Token builds each time.
func TestTokenMemo(t *testing.T) {
	v, _ := decode.ParseJSON("payload", []byte(`{"a":1}`))
	tok := NewToken(v)
	var builds atomic.Int32
	build := func() any { builds.Add(1); return "built" }
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := tok.Memo("k", build); got != "built" {
				t.Errorf("Memo = %v", got)
			}
		})
	}
	wg.Wait()
	copied := tok // a copy shares the memo
	copied.Memo("k", build)
	if builds.Load() != 1 {
		t.Errorf("built %d times, want once", builds.Load())
	}
	tok.Memo("other", build)
	Token{Payload: v}.Memo("k", build)
	if builds.Load() != 3 {
		t.Errorf("built %d times, want 3 (one per new key, one for the zero Token)", builds.Load())
	}
}

func TestTokenViews(t *testing.T) {
	v, _ := decodeJSON(`{"aud":["a","b"],"n":7,"s":"x","bad":[1],"d":"1","d":"2"}`)
	tok := NewToken(v)
	if got, ok := tok.Strings("aud"); !ok || len(got) != 2 {
		t.Errorf("Strings(aud) = %v, %v", got, ok)
	}
	if _, ok := tok.Strings("bad"); ok {
		t.Error("an array of numbers is not a list of strings")
	}
	if got, _ := tok.Text("n"); got != "7" {
		t.Errorf("Text(n) = %q", got)
	}
	if !tok.Duplicated("d") || tok.Duplicated("s") {
		t.Error("Duplicated")
	}
}
