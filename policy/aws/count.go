package aws

import (
	"bytes"

	"github.com/oidcscope/oidcscope/decode"
)

// countValues counts the JSON values in data (strings, keys among them,
// numbers, literals, objects and arrays), stopping past limit. It reads the
// text as JSON without checking it: the decoder reports what is malformed.
func countValues(data []byte, limit int) int {
	n := 0
	for i := 0; i < len(data) && n <= limit; i++ {
		switch c := data[i]; {
		case c == '"':
			n++
			i = stringEnd(data, i)
		case c == '{' || c == '[':
			n++
		case c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z':
			n++ // a number or a literal: skip the rest of it
			for i+1 < len(data) && scalarByte(data[i+1]) {
				i++
			}
		}
	}
	return n
}

func scalarByte(c byte) bool {
	return c == '.' || c == '+' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// stringEnd returns the index of the quote closing the string opened at
// data[i] (len(data) when it never closes): the next quote after an even
// run of backslashes.
func stringEnd(data []byte, i int) int {
	for {
		j := bytes.IndexByte(data[i+1:], '"')
		if j < 0 {
			return len(data)
		}
		i += 1 + j
		bs := 0
		for k := i - 1; data[k] == '\\'; k-- {
			bs++
		}
		if bs%2 == 0 {
			return i
		}
	}
}

// policyItems counts what compiling a trust policy makes something of:
// statements, Action and Principal entries, condition operators, keys and
// values. It stops counting past limit.
func policyItems(doc decode.Value, limit int) int {
	st, _ := doc.Get("Statement")
	stmts := st.Items
	if st.Kind == decode.Object {
		stmts = []decode.Value{st}
	}
	n := 0
	for _, s := range stmts {
		n++
		for _, m := range s.Members {
			switch m.Key {
			case "Action", "NotAction":
				n += width(m.Value)
			case "Principal", "NotPrincipal":
				if m.Value.Kind != decode.Object {
					n++
				}
				for _, pm := range m.Value.Members {
					n += max(width(pm.Value), 1)
				}
			case "Condition":
				for _, op := range m.Value.Members {
					n += 1 + len(op.Value.Members)
					for _, km := range op.Value.Members {
						n += width(km.Value)
					}
				}
			}
		}
		if n > limit {
			break
		}
	}
	return n
}

// width is the number of values a policy element holds: an array's
// elements, else one.
func width(v decode.Value) int {
	if v.Kind == decode.Array {
		return len(v.Items)
	}
	return 1
}
