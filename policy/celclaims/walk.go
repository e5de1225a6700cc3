package celclaims

import (
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
)

// aggregate counts the elements of a value's lists and maps, nested ones
// included (a scalar is one), and with chars the characters of its
// strings too. It stops counting past limit, and takes a container's
// size instead of walking it when that alone goes past: counting costs at
// most limit steps, whatever a lazily concatenated list claims to hold.
func aggregate(v ref.Val, chars bool, limit uint64) uint64 {
	c := counter{chars: chars, limit: limit}
	c.walk(v)
	return c.n
}

type counter struct {
	chars bool
	limit uint64
	n     uint64
}

func (c *counter) walk(v ref.Val) {
	if c.n > c.limit {
		return
	}
	c.n++
	if s, ok := v.(traits.Sizer); ok {
		if size, ok := s.Size().(types.Int); ok && size > 0 && cost.SafeAdd(c.n, uint64(size)) > c.limit {
			c.n = cost.SafeAdd(c.n, uint64(size))
			return
		}
	}
	switch x := v.(type) {
	case types.String:
		if c.chars {
			c.n += runes(string(x))
		}
	case traits.Mapper:
		for it := x.Iterator(); it.HasNext() == types.True && c.n <= c.limit; {
			k := it.Next()
			c.walk(k)
			if val, found := x.Find(k); found {
				c.walk(val)
			}
		}
	case traits.Lister:
		for it := x.Iterator(); it.HasNext() == types.True && c.n <= c.limit; {
			c.walk(it.Next())
		}
	}
}
