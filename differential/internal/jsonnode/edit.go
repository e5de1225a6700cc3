package jsonnode

// Without returns an object without the member key.
func (n Node) Without(key string) Node {
	return n.WithoutFunc(func(k string) bool { return k == key })
}

// WithoutFunc returns an object without the members whose key drop says.
func (n Node) WithoutFunc(drop func(key string) bool) Node {
	out := n.Clone()
	out.Members = out.Members[:0]
	for _, mb := range n.Members {
		if !drop(mb.Key) {
			out.Members = append(out.Members, mb)
		}
	}
	return out
}

// With returns an object whose member key has the value v.
func (n Node) With(key string, v Node) Node {
	out := n.Clone()
	for i, mb := range out.Members {
		if mb.Key == key {
			out.Members[i].Val = v
		}
	}
	return out
}

// DropEmpty removes members whose value is an empty array or object, so
// that documents read as a user would write them.
func (n Node) DropEmpty() Node {
	out := n.Clone()
	out.Members = out.Members[:0]
	for _, mb := range n.Members {
		if (mb.Val.IsArr && len(mb.Val.Items) == 0) || (mb.Val.IsObj && len(mb.Val.Members) == 0) {
			continue
		}
		out.Members = append(out.Members, mb)
	}
	return out
}
