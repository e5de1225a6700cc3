package report

import (
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
)

// jsonStream writes values as encoding/json's Encoder with
// SetEscapeHTML(false) writes them, compact and without the newline, for
// the kinds of values a report holds: structs of tagged fields, strings,
// booleans, integers, pointers, slices and decode.Value. The encoder
// builds a table per struct type by reflection on first use, and for a
// report's two dozen types those tables were most of the memory writing a
// report took; here each field's tag is read as it is written, allocating
// nothing. Anything else (maps, floats, interfaces, embedded structs,
// marshalers, other tag options) is handed to encoding/json, so the bytes
// are always its bytes
// (TestAppendJSONMatchesEncoder compares them).
//
// What it writes gathers in buf, which goes on to w whenever it holds
// jsonSpill bytes at the end of a member or an element: one buffer of a
// few kilobytes, not one as large as the largest piece of the report.
// The first write error stops the writing; err keeps it.
type jsonStream struct {
	w   io.Writer
	buf []byte
	err error
}

// jsonSpill is how much jsonStream gathers before writing it on.
const jsonSpill = 2 << 10

func newJSONStream(w io.Writer) *jsonStream {
	return &jsonStream{w: w, buf: make([]byte, 0, 2*jsonSpill)}
}

// raw adds JSON text as it is.
func (s *jsonStream) raw(text string) { s.buf = append(s.buf, text...) }

// spill writes buf on once it holds jsonSpill bytes.
func (s *jsonStream) spill() {
	if len(s.buf) >= jsonSpill {
		s.flush()
	}
}

// decodeValue writes v as its AppendJSON does, spilling after each
// member and item.
func (s *jsonStream) decodeValue(v *decode.Value) {
	s.buf = v.AppendJSONSpilling(s.buf, s.spilled)
}

// spilled is spill for decode.Value.AppendJSONSpilling, which hands the
// buffer over as it grows it.
func (s *jsonStream) spilled(buf []byte) []byte {
	s.buf = buf
	s.spill()
	return s.buf
}

// flush writes buf on.
func (s *jsonStream) flush() {
	if s.err == nil && len(s.buf) > 0 {
		_, s.err = s.w.Write(s.buf)
	}
	s.buf = s.buf[:0]
}
func (s *jsonStream) value(v reflect.Value) {
	t := v.Type()
	switch {
	case t == decodeValueType && v.CanAddr():
		s.decodeValue(v.Addr().Interface().(*decode.Value))
		return
	case t == decodeValueType:
		dv := v.Interface().(decode.Value)
		s.decodeValue(&dv)
		return
	case v.Kind() == reflect.Pointer:
		// What the encoder writes for a pointer, whatever the methods of
		// its type: null, or what it writes for the addressable value.
		if v.IsNil() {
			s.buf = append(s.buf, "null"...)
			return
		}
		s.value(v.Elem())
		return
	case marshals(t):
		s.buf = appendByEncoder(s.buf, v)
		return
	}
	switch v.Kind() {
	case reflect.String:
		s.buf = escape.AppendJSONString(s.buf, v.String())
		return
	case reflect.Bool:
		s.buf = strconv.AppendBool(s.buf, v.Bool())
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s.buf = strconv.AppendInt(s.buf, v.Int(), 10)
		return
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s.buf = strconv.AppendUint(s.buf, v.Uint(), 10)
		return
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			break // base64, and []byte-like types have rules of their own
		}
		if v.IsNil() {
			s.buf = append(s.buf, "null"...)
			return
		}
		s.buf = append(s.buf, '[')
		for i := range v.Len() {
			if i > 0 {
				s.buf = append(s.buf, ',')
			}
			s.value(v.Index(i))
			s.spill()
		}
		s.buf = append(s.buf, ']')
		return
	case reflect.Struct:
		if !plainStruct(t) {
			break
		}
		s.buf = append(s.buf, '{')
		s.fields(v)
		s.buf = append(s.buf, '}')
		return
	}
	s.buf = appendByEncoder(s.buf, v)
}

var (
	decodeValueType   = reflect.TypeFor[decode.Value]()
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// marshals reports whether encoding/json would call a method of t's to
// encode it (or, for a pointer method, of an addressable t's).
func marshals(t reflect.Type) bool {
	if t.Name() == "" {
		// No methods of its own: a slice or a map has none, and a struct
		// type literal has only those of embedded fields, which send it
		// to the encoder anyway. (reflect.PointerTo allocates for a type
		// whose pointer type the program never names.)
		return false
	}
	pt := reflect.PointerTo(t)
	return t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType) ||
		pt.Implements(jsonMarshalerType) || pt.Implements(textMarshalerType)
}

// plainStruct reports whether every field of t is one appendJSONFields
// writes as encoding/json would: no embedded fields (their members are
// promoted), no tag options but omitempty, and no name used twice (the
// encoder drops both).
func plainStruct(t reflect.Type) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return false
		}
		name, _, ok := jsonField(f)
		if !ok {
			continue
		}
		_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if opts != "" && opts != "omitempty" {
			return false
		}
		if !validTagName(name) {
			return false
		}
		for j := range i {
			if other, _, ok := jsonField(t.Field(j)); ok && other == name {
				return false
			}
		}
	}
	return true
}

// jsonField is the member name of an exported field, whether it is
// omitted when empty, and false for a field that is not written.
func jsonField(f reflect.StructField) (name string, omitEmpty, ok bool) {
	if !f.IsExported() {
		return "", false, false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false, false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name, opts == "omitempty", true
}

// validTagName accepts the names this package uses (letters, digits, _ and
// -); encoding/json would use the Go name instead of some others.
func validTagName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return name != ""
}

// fields writes the members of struct v (a plainStruct) without braces.
func (s *jsonStream) fields(v reflect.Value) {
	t := v.Type()
	first := true
	for i := range t.NumField() {
		name, omitEmpty, ok := jsonField(t.Field(i))
		if !ok {
			continue
		}
		fv := v.Field(i)
		if omitEmpty && emptyJSONValue(fv) {
			continue
		}
		if !first {
			s.buf = append(s.buf, ',')
		}
		first = false
		s.buf = append(s.buf, '"')
		s.buf = append(s.buf, name...)
		s.buf = append(s.buf, '"', ':')
		s.value(fv)
		s.spill()
	}
}

// members writes the members of struct v without its braces (which the
// encoder never writes empty: v has a member always written).
func (s *jsonStream) members(v reflect.Value) {
	if plainStruct(v.Type()) {
		s.fields(v)
		return
	}
	n := len(s.buf)
	s.buf = appendByEncoder(s.buf, v) // {…}
	s.buf = append(s.buf[:n], s.buf[n+1:len(s.buf)-1]...)
}

// emptyJSONValue is encoding/json's test for omitempty.
func emptyJSONValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// appendByEncoder appends what encoding/json writes for v.
func appendByEncoder(dst []byte, v reflect.Value) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	x := v.Interface()
	if v.CanAddr() {
		x = v.Addr().Interface() // pointer methods apply, as they do for the encoder
	}
	if err := enc.Encode(x); err != nil {
		panic(jsonEncodeError{err})
	}
	return append(dst, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// jsonEncodeError carries an encoder's error out of jsonStream's recursion.
type jsonEncodeError struct{ err error }

// catchJSONError turns a jsonEncodeError panic into *err.
func catchJSONError(err *error) {
	if r := recover(); r != nil {
		je, ok := r.(jsonEncodeError)
		if !ok {
			panic(r)
		}
		*err = je.err
	}
}
