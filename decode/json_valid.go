package decode

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// The fast path of ParseJSON. encoding/json has no ordered object type, and
// reading one token at a time through json.Decoder.Token (the streaming
// parser in json.go) allocates for every token and costs about 50 times
// what json.Valid does. So a document json.Valid accepts — every real
// token — is walked here instead: syntax is already settled, so this only
// finds where each value starts and ends. encoding/json stays the
// authority: it decides validity, and it unescapes every string that has
// an escape or invalid UTF-8 in it. Anything else unusual (nesting past
// MaxDepth) goes back to the streaming parser, which reports it precisely.
// Both parsers return identical values; FuzzParseJSON checks that.

// dupScanLimit is how many members an object may have before duplicate
// keys are found with a map rather than by comparing with each earlier key.
const dupScanLimit = 16

type validParser struct {
	seg  string
	text string // the document, copied once; every key and plain string is a slice of it
	pos  int
	dups []*Error
	// Scratch lists per depth: an object's members (an array's items) are
	// gathered here and copied out once at its end, so a claim set of
	// 20,000 members costs one exact allocation, not a doubling series.
	members [][]Member
	items   [][]Value
}

// parseValid walks data, which json.Valid accepted. ok is false when the
// streaming parser must take over.
func parseValid(segment string, data []byte) (v Value, dups []*Error, ok bool) {
	p := validParser{seg: segment, text: string(data)}
	v, ok = p.value(0)
	return v, p.dups, ok
}

func (p *validParser) skipSpace() {
	for p.pos < len(p.text) {
		switch p.text[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

func (p *validParser) value(depth int) (Value, bool) {
	p.skipSpace()
	switch c := p.text[p.pos]; c {
	case '{', '[':
		if depth >= MaxDepth {
			return Value{}, false
		}
		p.pos++
		if c == '{' {
			return p.object(depth)
		}
		return p.array(depth)
	case '"':
		s, ok := p.str()
		return Value{Kind: String, Text: s}, ok
	case 't':
		p.pos += len("true")
		return Value{Kind: Bool, Text: "true"}, true
	case 'f':
		p.pos += len("false")
		return Value{Kind: Bool, Text: "false"}, true
	case 'n':
		p.pos += len("null")
		return Value{Kind: Null}, true
	}
	start := p.pos
	for p.pos < len(p.text) && strings.IndexByte("+-0123456789.eE", p.text[p.pos]) >= 0 {
		p.pos++
	}
	return Value{Kind: Number, Text: p.text[start:p.pos]}, true
}

// str reads the string starting at p.pos. A plain one (no escape, valid
// UTF-8) is a slice of the document; any other is unescaped by
// encoding/json, which turns invalid bytes into U+FFFD as the streaming
// parser does.
func (p *validParser) str() (string, bool) {
	start := p.pos
	p.pos++
	plain := true
	for {
		c := p.text[p.pos]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			p.pos++
		} else if c >= utf8.RuneSelf {
			plain = false
		}
		p.pos++
	}
	p.pos++
	raw := p.text[start:p.pos]
	if plain || utf8.ValidString(raw) && strings.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1], true
	}
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return "", false // cannot happen after json.Valid; let the other parser say why
	}
	return s, true
}

// empty reports whether the container just opened closes at once with
// closing, and if so reads it.
func (p *validParser) empty(closing byte) bool {
	p.skipSpace()
	if p.text[p.pos] != closing {
		return false
	}
	p.pos++
	return true
}

// sep reads what follows a member or an item: a comma or the closing
// bracket.
func (p *validParser) sep() byte {
	p.skipSpace()
	c := p.text[p.pos]
	p.pos++
	return c
}

// scratch returns the empty scratch list for depth.
func scratch[T any](lists *[][]T, depth int) []T {
	for len(*lists) <= depth {
		*lists = append(*lists, nil)
	}
	return (*lists)[depth][:0]
}

func (p *validParser) array(depth int) (Value, bool) {
	v := Value{Kind: Array}
	if p.empty(']') {
		return v, true
	}
	items := scratch(&p.items, depth)
	defer func() { p.items[depth] = items[:0] }()
	for {
		it, ok := p.value(depth + 1)
		if !ok {
			return v, false
		}
		items = append(items, it)
		if p.sep() == ']' {
			v.Items = slices.Clone(items)
			return v, true
		}
	}
}

func (p *validParser) object(depth int) (Value, bool) {
	v := Value{Kind: Object}
	if p.empty('}') {
		return v, true
	}
	var seen map[string]bool
	var members []Member
	if depth == 0 {
		// The claim set itself: counted first and gathered in place, as
		// the scratch list would grow through a doubling series the size
		// of the copy.
		members = make([]Member, 0, p.countMembers())
	} else {
		members = scratch(&p.members, depth)
		defer func() { p.members[depth] = members[:0] }()
	}
	for {
		p.skipSpace()
		keyOff := p.pos
		key, ok := p.str()
		if !ok {
			return v, false
		}
		m := Member{Key: key, Offset: int64(keyOff)}
		if len(members) < dupScanLimit {
			for _, prev := range members {
				m.Duplicate = m.Duplicate || prev.Key == key
			}
		} else {
			if seen == nil {
				seen = make(map[string]bool, 2*dupScanLimit)
				for _, prev := range members {
					seen[prev.Key] = true
				}
			}
			m.Duplicate = seen[key]
			seen[key] = true
		}
		if m.Duplicate {
			p.dups = append(p.dups, errAt(p.seg, m.Offset, ErrDuplicateKey, quoteKey(key)))
		}
		p.skipSpace()
		p.pos++ // the colon
		if m.Value, ok = p.value(depth + 1); !ok {
			return v, false
		}
		members = append(members, m)
		if p.sep() == '}' {
			if depth == 0 {
				v.Members = members
			} else {
				v.Members = slices.Clone(members)
			}
			return v, true
		}
	}
}

// countMembers counts the members of the object whose first member starts
// at p.pos (the document is valid JSON): its commas outside strings and
// nested values, plus one.
func (p *validParser) countMembers() int {
	n, nested := 1, 0
	for i := p.pos; i < len(p.text); i++ {
		switch p.text[i] {
		case '"':
			for i++; p.text[i] != '"'; i++ {
				if p.text[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			nested++
		case '}', ']':
			if nested == 0 {
				return n
			}
			nested--
		case ',':
			if nested == 0 {
				n++
			}
		}
	}
	return n
}
