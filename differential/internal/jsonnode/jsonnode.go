// Package jsonnode is the JSON tree the differential generators build
// and their shrinkers edit: scalars keep their exact text, objects their
// member order, so a reproduction reads as the document that was tried.
package jsonnode

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Node is a JSON value the generator builds and the shrinker edits:
// scalars keep their exact text (1.50, 1e2, -0 stay as written), objects
// keep their Member order.
type Node struct {
	Raw     string // a scalar as JSON text; "" for objects and arrays
	IsObj   bool
	IsArr   bool
	Members []Member
	Items   []Node
}

// Member is one object member.
type Member struct {
	Key string
	Val Node
}

// Scalar, Str, Obj, Arr and M build a tree: a scalar from its JSON text, a
// string, an object of members, an array, one member.
func Scalar(jsonText string) Node { return Node{Raw: jsonText} }
func Str(s string) Node           { return Node{Raw: Quote(s)} }
func Obj(ms ...Member) Node       { return Node{IsObj: true, Members: ms} }
func Arr(items ...Node) Node      { return Node{IsArr: true, Items: items} }
func M(key string, v Node) Member { return Member{Key: key, Val: v} }

// Text renders the node as compact JSON.
func (n Node) Text() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n Node) write(b *strings.Builder) {
	switch {
	case n.IsObj:
		writeSeq(b, '{', '}', n.Members, func(mb Member) {
			b.WriteString(Quote(mb.Key))
			b.WriteByte(':')
			mb.Val.write(b)
		})
	case n.IsArr:
		writeSeq(b, '[', ']', n.Items, func(it Node) { it.write(b) })
	default:
		b.WriteString(n.Raw)
	}
}

// writeSeq writes the members of an object or the items of an array
// between their brackets, separated by commas.
func writeSeq[T any](b *strings.Builder, open, close byte, items []T, write func(T)) {
	b.WriteByte(open)
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		write(it)
	}
	b.WriteByte(close)
}

// Get returns a member's value.
func (n Node) Get(key string) (Node, bool) {
	for _, mb := range n.Members {
		if mb.Key == key {
			return mb.Val, true
		}
	}
	return Node{}, false
}

// Clone copies the tree, so that shrinking never edits a shared slice.
func (n Node) Clone() Node {
	out := n
	if n.Members != nil {
		out.Members = make([]Member, len(n.Members))
		for i, mb := range n.Members {
			out.Members[i] = Member{Key: mb.Key, Val: mb.Val.Clone()}
		}
	}
	if n.Items != nil {
		out.Items = make([]Node, len(n.Items))
		for i, it := range n.Items {
			out.Items[i] = it.Clone()
		}
	}
	return out
}

// Smaller lists the trees with one member or one item removed, at any
// depth; keep says which top-level members must stay.
func (n Node) Smaller(keep func(key string) bool) []Node {
	var out []Node
	switch {
	case n.IsObj:
		for i, mb := range n.Members {
			if keep == nil || !keep(mb.Key) {
				c := n.Clone()
				c.Members = append(c.Members[:i:i], c.Members[i+1:]...)
				out = append(out, c)
			}
			for _, sub := range mb.Val.Smaller(nil) {
				c := n.Clone()
				c.Members[i].Val = sub
				out = append(out, c)
			}
		}
	case n.IsArr:
		for i, it := range n.Items {
			c := n.Clone()
			c.Items = append(c.Items[:i:i], c.Items[i+1:]...)
			out = append(out, c)
			for _, sub := range it.Smaller(nil) {
				c := n.Clone()
				c.Items[i] = sub
				out = append(out, c)
			}
		}
	}
	return out
}

// Unquote reads a JSON string's text; other JSON reads as "".
func Unquote(jsonText string) string {
	var s string
	if err := json.Unmarshal([]byte(jsonText), &s); err != nil {
		return ""
	}
	return s
}

// Quote encodes a string as JSON without HTML escaping, so that a
// reproduction reads as the role or token a user would write.
func Quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // a Go string always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}
