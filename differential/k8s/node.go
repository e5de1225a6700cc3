package k8s

import (
	"encoding/json"
	"strings"
)

// node is a JSON value the generator builds and the shrinker edits:
// scalars keep their exact text (1.50, 1e2, -0 stay as written), objects
// keep their member order.
type node struct {
	raw     string // a scalar as JSON text; "" for objects and arrays
	isObj   bool
	isArr   bool
	members []member
	items   []node
}

// member is one object member.
type member struct {
	key string
	val node
}

func scalar(jsonText string) node { return node{raw: jsonText} }
func str(s string) node           { return node{raw: quote(s)} }
func obj(ms ...member) node       { return node{isObj: true, members: ms} }
func arr(items ...node) node      { return node{isArr: true, items: items} }
func m(key string, v node) member { return member{key: key, val: v} }

// text renders the node as compact JSON.
func (n node) text() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n node) write(b *strings.Builder) {
	switch {
	case n.isObj:
		writeSeq(b, '{', '}', n.members, func(mb member) {
			b.WriteString(quote(mb.key))
			b.WriteByte(':')
			mb.val.write(b)
		})
	case n.isArr:
		writeSeq(b, '[', ']', n.items, func(it node) { it.write(b) })
	default:
		b.WriteString(n.raw)
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

// get returns a member's value.
func (n node) get(key string) (node, bool) {
	for _, mb := range n.members {
		if mb.key == key {
			return mb.val, true
		}
	}
	return node{}, false
}

// clone copies the tree, so that shrinking never edits a shared slice.
func (n node) clone() node {
	out := n
	if n.members != nil {
		out.members = make([]member, len(n.members))
		for i, mb := range n.members {
			out.members[i] = member{key: mb.key, val: mb.val.clone()}
		}
	}
	if n.items != nil {
		out.items = make([]node, len(n.items))
		for i, it := range n.items {
			out.items[i] = it.clone()
		}
	}
	return out
}

// smaller lists the trees with one member or one item removed, at any
// depth; keep says which top-level members must stay.
func (n node) smaller(keep func(key string) bool) []node {
	var out []node
	switch {
	case n.isObj:
		for i, mb := range n.members {
			if keep == nil || !keep(mb.key) {
				c := n.clone()
				c.members = append(c.members[:i:i], c.members[i+1:]...)
				out = append(out, c)
			}
			for _, sub := range mb.val.smaller(nil) {
				c := n.clone()
				c.members[i].val = sub
				out = append(out, c)
			}
		}
	case n.isArr:
		for i, it := range n.items {
			c := n.clone()
			c.items = append(c.items[:i:i], c.items[i+1:]...)
			out = append(out, c)
			for _, sub := range it.smaller(nil) {
				c := n.clone()
				c.items[i] = sub
				out = append(out, c)
			}
		}
	}
	return out
}

// unquote reads a JSON string's text; other JSON reads as "".
func unquote(jsonText string) string {
	var s string
	if err := json.Unmarshal([]byte(jsonText), &s); err != nil {
		return ""
	}
	return s
}
