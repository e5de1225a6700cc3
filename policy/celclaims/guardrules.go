package celclaims

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
)

// checkFunc works out, from a call's arguments, the least the call will
// cost (in cost units, as the tracker charges it, or as the work it does
// where cel-go's price is lower) and says what the call would do. left
// is what is left of the budget: a check stops counting past it.
type checkFunc func(left uint64, args []ref.Val) (need uint64, what string)

// rule guards the calls of one function; skip, when set, leaves a call
// alone whose arguments cannot be large (literals).
type rule struct {
	check checkFunc
	skip  func([]interpreter.InterpretableV2) bool
}

// rules are the calls that can cost far more than their arguments' size,
// by function name (a call on dyn values has no overload id until it
// runs). Each check reads arguments of the types the function takes and
// asks nothing of others, which the call then refuses as cel-go does.
var rules = map[string]rule{
	"replace":         {check: checkReplace},
	"join":            {check: checkJoin},
	"split":           {check: checkSplit},
	"indexOf":         {check: checkSearch},
	"lastIndexOf":     {check: checkSearch},
	"format":          {check: checkFormat},
	"sets.contains":   {check: checkSets(1)},
	"sets.intersects": {check: checkSets(1)},
	"sets.equivalent": {check: checkSets(2)},
	"@in":             {check: checkIn, skip: literalContainer(1)},
	"_==_":            {check: checkEqual, skip: anyLiteral},
	"_!=_":            {check: checkEqual, skip: anyLiteral},
}

func str(v ref.Val) (string, bool) {
	s, ok := v.(types.String)
	return string(s), ok
}

// strs is the first n arguments as strings; ok is false when there are
// fewer or one of them is not a string (the call is then not priced).
func strs(args []ref.Val, n int) (out []string, ok bool) {
	if len(args) < n {
		return nil, false
	}
	for _, a := range args[:n] {
		s, ok := str(a)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// pair is the first two arguments as strings, as strs.
func pair(args []ref.Val) (a, b string, ok bool) {
	s, ok := strs(args, 2)
	if !ok {
		return "", "", false
	}
	return s[0], s[1], true
}

func runes(s string) uint64 { return uint64(utf8.RuneCountInString(s)) }

// checkReplace: the result's length, which the tracker charges, from the
// number of matches (a count is a scan, no allocation).
func checkReplace(_ uint64, args []ref.Val) (uint64, string) {
	s, ok := strs(args, 3)
	if !ok {
		return 0, ""
	}
	t, old, repl := s[0], s[1], s[2]
	k := uint64(strings.Count(t, old)) // the empty string matches around every rune
	if len(args) == 4 {
		if n, ok := args[3].(types.Int); ok && n >= 0 && uint64(n) < k {
			k = uint64(n)
		}
	}
	out := cost.SafeSubtract(cost.SafeAdd(runes(t), cost.SafeMultiply(k, runes(repl))), cost.SafeMultiply(k, runes(old)))
	return out, fmt.Sprintf("replace would build a string of %d characters", out)
}

// checkJoin: the result's length, element by element.
func checkJoin(left uint64, args []ref.Val) (uint64, string) {
	l, ok := args[0].(traits.Lister)
	if !ok {
		return 0, ""
	}
	sep := ""
	if len(args) == 2 {
		sep, _ = str(args[1])
	}
	n, _ := l.Size().(types.Int)
	if uint64(n) > left {
		return uint64(n), fmt.Sprintf("join would read a list of %d elements", n)
	}
	out := cost.SafeMultiply(cost.SafeSubtract(uint64(n), 1), runes(sep))
	for it := l.Iterator(); it.HasNext() == types.True && out <= left; {
		if s, ok := str(it.Next()); ok {
			out = cost.SafeAdd(out, runes(s))
		}
	}
	return out, fmt.Sprintf("join would build a string of at least %d characters", out)
}

// checkSplit: the number of parts, which the tracker charges.
func checkSplit(_ uint64, args []ref.Val) (uint64, string) {
	t, sep, ok := pair(args)
	if !ok {
		return 0, ""
	}
	parts := uint64(strings.Count(t, sep)) + 1
	if sep == "" {
		parts = runes(t)
	}
	if len(args) == 3 {
		if n, ok := args[2].(types.Int); ok && n >= 0 && uint64(n) < parts {
			parts = uint64(n)
		}
	}
	return parts, fmt.Sprintf("split would build %d strings", parts)
}

// checkSearch: indexOf and lastIndexOf compare the needle at every
// position, which the tracker charges as a scan of the product.
func checkSearch(_ uint64, args []ref.Val) (uint64, string) {
	t, s, ok := pair(args)
	if !ok {
		return 0, ""
	}
	need := cost.SafeMultiplyByFactor(cost.SafeMultiply(runes(t), runes(s)), cost.StringTraversalCostFactor)
	return need, fmt.Sprintf("a search for %d characters in %d would compare them at every position", runes(s), runes(t))
}

// checkMatches: the tracker's price of a match, text by pattern.
func checkMatches(_ uint64, args []ref.Val) (uint64, string) {
	t, p, ok := pair(args)
	if !ok {
		return 0, ""
	}
	match := cost.SafeMultiply(cost.SafeMultiplyByFactor(runes(t)+1, cost.StringTraversalCostFactor),
		cost.SafeMultiplyByFactor(runes(p), cost.RegexStringLengthCostFactor))
	return match, fmt.Sprintf("matching %d characters against a pattern of %d", runes(t), runes(p))
}

// checkCompileAndMatch: a pattern built at evaluation time is compiled
// first, at regexCompileCost a byte, then matched.
func checkCompileAndMatch(left uint64, args []ref.Val) (uint64, string) {
	need, what := checkMatches(left, args)
	if p, ok := str(args[1]); ok {
		need = cost.SafeAdd(need, cost.SafeMultiply(uint64(len(p)), regexCompileCost))
		what = "compiling a pattern of " + fmt.Sprint(len(p)) + " bytes and " + what
	}
	return need, what
}

// checkFormat: the result holds every argument, formatted once; a list
// that holds the same long string many times holds it that many times.
func checkFormat(left uint64, args []ref.Val) (uint64, string) {
	if len(args) < 2 {
		return 0, ""
	}
	n := aggregate(args[1], true, left)
	return n, fmt.Sprintf("format would write out at least %d characters", n)
}

// checkSets: every element of one list compared with every element of
// the other, elements within elements included.
func checkSets(factor uint64) checkFunc {
	return func(left uint64, args []ref.Val) (uint64, string) {
		if len(args) != 2 {
			return 0, ""
		}
		a := aggregate(args[0], false, left)
		b := aggregate(args[1], false, left)
		n := cost.SafeMultiply(factor, cost.SafeMultiply(a, b))
		return n, fmt.Sprintf("the set comparison would compare %d elements with %d", a, b)
	}
}

// checkIn: membership compares the value with each element of a list,
// which the tracker charges by the list's size; a value that is itself a
// list or map is compared element by element.
func checkIn(left uint64, args []ref.Val) (uint64, string) {
	if len(args) != 2 {
		return 0, ""
	}
	l, ok := args[1].(traits.Lister)
	if !ok {
		return 0, "" // a map is a lookup
	}
	n, _ := l.Size().(types.Int)
	each := uint64(1)
	switch args[0].(type) {
	case traits.Lister, traits.Mapper:
		each = aggregate(args[0], false, left)
	}
	need := cost.SafeMultiply(uint64(n), each)
	return need, fmt.Sprintf("in would compare the value with %d elements", n)
}

// checkEqual: two lists (or maps) of one size are compared element by
// element, nested ones included. cel-go charges a tenth of a unit an
// element; counting them costs a step each, so the guard stops one
// comparison of more than the budget's worth of elements.
func checkEqual(left uint64, args []ref.Val) (uint64, string) {
	a, b := args[0], args[1]
	sa, okA := a.(traits.Sizer)
	sb, okB := b.(traits.Sizer)
	if !okA || !okB || sa.Size() != sb.Size() {
		return 0, ""
	}
	_, listA := a.(traits.Lister)
	_, listB := b.(traits.Lister)
	_, mapA := a.(traits.Mapper)
	_, mapB := b.(traits.Mapper)
	if !(listA && listB) && !(mapA && mapB) {
		return 0, ""
	}
	n := min(aggregate(a, false, left), aggregate(b, false, left))
	return n, fmt.Sprintf("the comparison would compare %d elements", n)
}

// anyLiteral skips an equality with a literal operand: a scalar.
func anyLiteral(args []interpreter.InterpretableV2) bool {
	for _, a := range args {
		if _, ok := a.(interpreter.InterpretableConst); ok {
			return true
		}
	}
	return false
}

// literalContainer skips a call whose argument i is a literal list of
// literals: its size is in the expression.
func literalContainer(i int) func([]interpreter.InterpretableV2) bool {
	return func(args []interpreter.InterpretableV2) bool {
		if i >= len(args) {
			return false
		}
		if _, ok := args[i].(interpreter.InterpretableConst); ok {
			return true
		}
		c, ok := args[i].(interpreter.InterpretableConstructor)
		if !ok {
			return false
		}
		for _, v := range c.InitVals() {
			if _, lit := v.(interpreter.InterpretableConst); !lit {
				return false
			}
		}
		return true
	}
}
