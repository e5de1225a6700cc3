package celclaims

import (
	"math"
	"reflect"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

func token(t *testing.T, payload string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(payload))
	for _, e := range errs {
		t.Logf("payload: %v", e) // duplicates are reported, and kept
	}
	return policy.NewToken(v)
}

func TestMapTypes(t *testing.T) {
	tok := token(t, `{"s":"74","i":74,"neg":-3,"f":1.5,"e":1e3,"big":9223372036854775808,"b":true,"n":null,"l":["a",1],"o":{"k":"v"}}`)
	got := Map(tok, LastWins)
	want := map[string]any{
		"s": "74", "i": int64(74), "neg": int64(-3), "f": 1.5, "e": float64(1000),
		"big": float64(math.MaxInt64) + 1, "b": true, "n": nil,
		"l": []any{"a", int64(1)}, "o": map[string]any{"k": "v"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Map =\n%#v, want\n%#v", got, want)
	}
}

// TestMapDuplicates: the one semantic difference between the providers,
// at the top level and inside objects.
func TestMapDuplicates(t *testing.T) {
	tok := token(t, `{"sub":"first","o":{"k":1,"k":2},"sub":"last"}`)
	first := Map(tok, FirstWins)
	if first["sub"] != "first" || first["o"].(map[string]any)["k"] != int64(1) {
		t.Errorf("FirstWins: %v", first)
	}
	last := Map(tok, LastWins)
	if last["sub"] != "last" || last["o"].(map[string]any)["k"] != int64(2) {
		t.Errorf("LastWins: %v", last)
	}
}

func TestMapNotAnObject(t *testing.T) {
	for _, tok := range []policy.Token{policy.NewToken(decode.Value{}), token(t, `["a"]`), token(t, `"s"`)} {
		if m := Map(tok, LastWins); m == nil || len(m) != 0 {
			t.Errorf("Map(%v) = %#v, want an empty map", tok.Payload.Kind, m)
		}
	}
}

// TestMapInCEL: cel-go reads the values with the CEL types the providers
// document: claims stay strings, integral numbers are int, others double.
func TestMapInCEL(t *testing.T) {
	env := testEnv(t)
	vars := map[string]any{"claims": Map(token(t, `{"id":"74","n":3,"f":0.5,"l":["x"],"o":{"k":true}}`), LastWins)}
	for _, src := range []string{
		"claims.id == '74' && type(claims.id) == string",
		"claims.n == 3 && type(claims.n) == int",
		"claims.f == 0.5 && type(claims.f) == double",
		"'x' in claims.l && claims.o.k",
	} {
		out, err := eval(program(t, env, src), vars)
		if err != nil || out.Value() != true {
			t.Errorf("%s: %v %v", src, out, err)
		}
	}
}
