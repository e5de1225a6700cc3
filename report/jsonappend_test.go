package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
)

type (
	textName     string
	ptrMarshaler struct{ N int }
	embedded     struct{ Inner string }
	withEmbedded struct {
		embedded
		Outer string `json:"outer"`
	}
	// fallbackTags has tag options the writer hands to encoding/json.
	fallbackTags struct {
		Quoted int    `json:"quoted,string"`
		Zero   string `json:"zero,omitzero"`
	}
	allKinds struct {
		S        string            `json:"s"`
		SE       string            `json:"se,omitempty"`
		B        bool              `json:"b,omitempty"`
		I        int64             `json:"i"`
		I8       int8              `json:"i8,omitempty"`
		U        uint16            `json:"u"`
		F        float64           `json:"f"`
		P        *string           `json:"p"`
		PE       *int              `json:"pe,omitempty"`
		L        []string          `json:"l"`
		LE       []string          `json:"le,omitempty"`
		Bytes    []byte            `json:"bytes"`
		M        map[string]string `json:"m"`
		Any      any               `json:"any"`
		T        time.Time         `json:"t"`
		Text     textName          `json:"text"`
		PtrM     ptrMarshaler      `json:"ptr_m"`
		PtrMP    *ptrMarshaler     `json:"ptr_mp"`
		Dash     string            `json:"-"`
		NoTag    string
		Tags     fallbackTags `json:"tags"`
		hidden   string
		Value    decode.Value    `json:"value"`
		ValueP   *decode.Value   `json:"value_p"`
		Values   []decode.Value  `json:"values"`
		Nested   []withEmbedded  `json:"nested"`
		Arr      [2]int          `json:"arr"`
		Strings  []textName      `json:"strings"`
		Deep     [][]*allKinds   `json:"deep,omitempty"`
		RawMsg   json.RawMessage `json:"raw"`
		Fallback withEmbedded    `json:"fallback"`
	}
)

func (n textName) MarshalText() ([]byte, error) { return []byte("name:" + string(n)), nil }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"ptr": true}`), nil }

// TestAppendJSONMatchesEncoder: a jsonStream writes what encoding/json
// writes (HTML escaping off), for the kinds it writes itself and for the
// ones it hands over.
func TestAppendJSONMatchesEncoder(t *testing.T) {
	// allKinds itself must be written by the stream, field by field, or
	// this would compare encoding/json with itself.
	if !plainStruct(reflect.TypeFor[allKinds]()) || plainStruct(reflect.TypeFor[fallbackTags]()) || plainStruct(reflect.TypeFor[withEmbedded]()) {
		t.Fatal("allKinds must be written field by field, fallbackTags and withEmbedded handed to encoding/json")
	}
	s := "a<b>&\u2028\xff\"\\\n\x01é"
	v := decode.Value{Kind: decode.Object, Members: []decode.Member{{Key: "k<", Value: decode.Value{Kind: decode.String, Text: s}}}}
	full := allKinds{S: s, I: -3, U: 7, F: 1.5e300, P: &s, L: []string{s, ""}, Bytes: []byte("xyz"), M: map[string]string{"b": s, "a": ""},
		Any: []any{1.25, "x", nil}, T: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), Text: "t", PtrMP: &ptrMarshaler{}, Dash: "d", NoTag: "n",
		Tags: fallbackTags{Quoted: 5}, hidden: "h", Value: v, ValueP: &v, Values: []decode.Value{v, {}}, Nested: []withEmbedded{{embedded{"i"}, "o"}},
		Arr: [2]int{1, 2}, Strings: []textName{"x"}, RawMsg: json.RawMessage(`{"raw": [1, 2]}`), Fallback: withEmbedded{embedded{"i"}, "o"}}
	full.Deep = [][]*allKinds{{nil, {S: "inner", Values: []decode.Value{}}}}
	for _, x := range []any{full, allKinds{}, &full, s, 3, true, []string(nil), map[string]int{"z": 1}, withEmbedded{}, uint64(math.MaxUint64)} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(x); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		s := newJSONStream(&got)
		s.raw("x")
		s.value(reflect.ValueOf(x))
		s.flush()
		if w := "x" + strings.TrimSuffix(want.String(), "\n"); got.String() != w {
			t.Errorf("%T:\n%s\nencoding/json writes\n%s", x, got.String(), w)
		}
	}
}

// TestAppendJSONError: an encoder's error reaches writeJSON's caller.
func TestAppendJSONError(t *testing.T) {
	err := func() (err error) {
		defer catchJSONError(&err)
		newJSONStream(io.Discard).value(reflect.ValueOf(struct{ F float64 }{math.NaN()}))
		return nil
	}()
	var unsupported *json.UnsupportedValueError
	if !errors.As(err, &unsupported) {
		t.Errorf("error %v, want encoding/json's UnsupportedValueError", err)
	}
}
