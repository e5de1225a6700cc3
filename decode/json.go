package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
)

// MaxDepth caps JSON nesting. Real headers and claim sets are one or two
// levels deep; the cap keeps a hostile 100,000-level paste from costing
// anything.
const MaxDepth = 32

// Kind is the JSON type of a Value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string { return kindNames[k] }

// Value is a JSON value that keeps what a Go map would lose: member order,
// duplicate keys and the exact text of numbers.
type Value struct {
	Kind    Kind
	Text    string   // String: the string; Number: the literal as written; Bool: "true" or "false"
	Items   []Value  // Array elements
	Members []Member // Object members in document order, duplicates included
}

// Member is one key/value pair of an object.
type Member struct {
	Key       string
	Value     Value
	Offset    int64 // byte offset of the key in the decoded JSON text
	Duplicate bool  // an earlier member of the same object has this key
}

// Get returns the first member named key. Callers that must not silently pick
// one of several duplicates use Count as well.
func (v Value) Get(key string) (Value, bool) {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value, true
		}
	}
	return Value{}, false
}

// Count reports how many members are named key (more than one means the
// document is ambiguous about that key).
func (v Value) Count(key string) int {
	n := 0
	for _, m := range v.Members {
		if m.Key == key {
			n++
		}
	}
	return n
}

// Str returns the string value of member key when it exists and is a string.
func (v Value) Str(key string) (string, bool) {
	m, ok := v.Get(key)
	if !ok || m.Kind != String {
		return "", false
	}
	return m.Text, true
}

// Interface converts the value to the shapes encoding/json produces with
// UseNumber (map[string]any, []any, json.Number, string, bool, nil). For a
// duplicated key the first member wins; callers that care check Count.
func (v Value) Interface() any {
	switch v.Kind {
	case Bool:
		return v.Text == "true"
	case Number:
		return json.Number(v.Text)
	case String:
		return v.Text
	case Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = it.Interface()
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			if _, seen := out[m.Key]; !seen {
				out[m.Key] = m.Value.Interface()
			}
		}
		return out
	}
	return nil
}

// MarshalJSON writes the value back with member order, duplicates and number
// literals exactly as decoded.
func (v Value) MarshalJSON() ([]byte, error) {
	return v.AppendJSON(nil), nil
}

// AppendJSON appends what MarshalJSON returns: strings quoted as
// encoding/json quotes them without HTML escaping (claims such as "a<b"
// should read as written), and nothing else allocated.
func (v Value) AppendJSON(dst []byte) []byte {
	return v.AppendJSONSpilling(dst, nil)
}

// AppendJSONSpilling appends what AppendJSON appends, and after each item
// of an array and each member of an object, at every depth, hands what it
// has to spill and goes on with what spill returns (nil: nothing is
// handed). A writer passes the bytes on as they come: a payload near the
// token's size limit is one value, and appended whole it grew the
// writer's buffer to several times its size.
func (v *Value) AppendJSONSpilling(dst []byte, spill func([]byte) []byte) []byte {
	switch v.Kind {
	case Null:
		dst = append(dst, "null"...)
	case Bool, Number:
		dst = append(dst, v.Text...)
	case String:
		dst = escape.AppendJSONString(dst, v.Text)
	case Array:
		dst = append(dst, '[')
		for i := range v.Items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = v.Items[i].AppendJSONSpilling(dst, spill)
			if spill != nil {
				dst = spill(dst)
			}
		}
		dst = append(dst, ']')
	case Object:
		dst = append(dst, '{')
		for i := range v.Members {
			m := &v.Members[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = escape.AppendJSONString(dst, m.Key)
			dst = append(dst, ':')
			dst = m.Value.AppendJSONSpilling(dst, spill)
			if spill != nil {
				dst = spill(dst)
			}
		}
		dst = append(dst, '}')
	}
	return dst
}

// ParseJSON decodes one JSON value from data, keeping order and number text.
// It returns as much of the value as it could read together with every
// problem found; segment names the token part in error messages. Duplicate
// keys and invalid UTF-8 are reported but do not stop decoding.
func ParseJSON(segment string, data []byte) (Value, []*Error) {
	var errs []*Error
	if !utf8.Valid(data) {
		off := int64(firstInvalidUTF8(data))
		errs = append(errs, errAt(segment, off, ErrInvalidUTF8, "shown with U+FFFD replacement"))
	}
	if rest, ok := bytes.CutPrefix(data, []byte("\uFEFF")); ok {
		// RFC 8259 §8.1: JSON in a protocol carries no BOM, and parsers
		// disagree on skipping one. Report it, then read on with the BOM
		// as three spaces, so what follows is shown and offsets stay true.
		errs = append(errs, errAt(segment, 0, ErrByteOrderMark, "RFC 8259 §8.1: JSON in a token has none"))
		data = append([]byte("   "), rest...)
	}
	if json.Valid(data) {
		if v, dups, ok := parseValid(segment, data); ok {
			return v, append(errs, dups...)
		}
	}
	return parseStream(segment, data, errs)
}

// parseStream reads data one token at a time with json.Decoder: slower
// than parseValid, but it keeps what it read up to a syntax error and says
// where that error is. errs are the problems found so far.
func parseStream(segment string, data []byte, errs []*Error) (Value, []*Error) {
	p := parser{seg: segment, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	v, err := p.value(0)
	errs = append(errs, p.dups...)
	if err != nil {
		return v, append(errs, err)
	}
	// Anything after the value other than whitespace is an error, not ignored.
	if off := skipSpace(data, p.dec.InputOffset()); off < int64(len(data)) {
		errs = append(errs, errAt(segment, off, ErrTrailingData, ""))
	}
	return v, errs
}

type parser struct {
	seg  string
	data []byte
	dec  *json.Decoder
	dups []*Error
}

// syntaxErr locates a syntax error at the byte that broke it. The streaming
// decoder's offsets point at token boundaries, so the position comes from
// json.Unmarshal's scanner, which stops on the offending byte.
func (p *parser) syntaxErr(err error) *Error {
	off := p.dec.InputOffset()
	detail := err.Error()
	var raw json.RawMessage
	var se *json.SyntaxError
	if uerr := json.Unmarshal(p.data, &raw); errors.As(uerr, &se) {
		off, detail = max(se.Offset-1, 0), se.Error()
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(detail, "unexpected end") {
		off, detail = int64(len(p.data)), "unexpected end of input"
	}
	return errAt(p.seg, off, ErrNotJSON, detail)
}

// value reads one value. On error it returns what it had built so far.
func (p *parser) value(depth int) (Value, *Error) {
	start := p.dec.InputOffset()
	tok, err := p.dec.Token()
	if err != nil {
		return Value{}, p.syntaxErr(err)
	}
	switch t := tok.(type) {
	case nil:
		return Value{Kind: Null}, nil
	case bool:
		if t {
			return Value{Kind: Bool, Text: "true"}, nil
		}
		return Value{Kind: Bool, Text: "false"}, nil
	case json.Number:
		return Value{Kind: Number, Text: string(t)}, nil
	case string:
		return Value{Kind: String, Text: t}, nil
	case json.Delim:
		if depth >= MaxDepth {
			return Value{}, errAt(p.seg, skipSpace(p.data, start), ErrTooDeep, "limit is "+strconv.Itoa(MaxDepth)+" levels")
		}
		if t == '[' {
			return p.array(depth)
		}
		return p.object(depth)
	}
	return Value{}, errAt(p.seg, start, ErrNotJSON, "unexpected token")
}

func (p *parser) array(depth int) (Value, *Error) {
	v := Value{Kind: Array}
	for p.dec.More() {
		it, err := p.value(depth + 1)
		if err != nil {
			return v, err
		}
		v.Items = append(v.Items, it)
	}
	if _, err := p.dec.Token(); err != nil { // closing ]
		return v, p.syntaxErr(err)
	}
	return v, nil
}

func (p *parser) object(depth int) (Value, *Error) {
	v := Value{Kind: Object}
	seen := map[string]bool{}
	for p.dec.More() {
		keyOff := skipSeparators(p.data, p.dec.InputOffset())
		tok, err := p.dec.Token()
		if err != nil {
			return v, p.syntaxErr(err)
		}
		key, _ := tok.(string) // json.Decoder guarantees a string here
		m := Member{Key: key, Offset: keyOff, Duplicate: seen[key]}
		if m.Duplicate {
			p.dups = append(p.dups, errAt(p.seg, keyOff, ErrDuplicateKey, quoteKey(key)))
		}
		seen[key] = true
		val, verr := p.value(depth + 1)
		if verr != nil {
			// Keep a partly read container; a value that never started
			// would only show up as a misleading null.
			if val.Kind == Array || val.Kind == Object {
				m.Value = val
				v.Members = append(v.Members, m)
			}
			return v, verr
		}
		m.Value = val
		v.Members = append(v.Members, m)
	}
	if _, err := p.dec.Token(); err != nil { // closing }
		return v, p.syntaxErr(err)
	}
	return v, nil
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}

func skipSeparators(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', '{':
			off++
		default:
			return off
		}
	}
	return off
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// quoteKey keeps a hostile key readable in a message; renderers escape
// control characters later, this only bounds the length.
func quoteKey(k string) string {
	const max = 64
	if len(k) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(k[cut]) {
			cut--
		}
		k = k[:cut] + "…"
	}
	return `key "` + k + `"`
}
