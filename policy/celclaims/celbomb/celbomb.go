// Package celbomb holds CEL expressions built to exhaust an evaluator
// (cost bombs) and the hostile claims they feed on, for the tests of the
// CEL providers (Google Cloud, Kubernetes) and their fuzz seeds. Nothing
// outside tests imports it.
package celbomb

import (
	"fmt"
	"strings"
)

// Bomb is one expression over the claims variable named root.
type Bomb struct {
	Name string
	Expr string
	// Static: the expression alone (its literals) is over the cost limit,
	// whatever the token holds, so a static estimate can refuse it before
	// any token is seen. Otherwise only evaluation against Claims shows it.
	Static bool
	// Costly: nothing stops it before the cost limit does, a tenth of a
	// second of CPU later; fuzz seeds leave it to the tests.
	Costly bool
}

// Claims are the token claims the bombs read, added to an ordinary
// GitHub Actions claim set: together well under 1 MiB, the size of a
// token oidcscope reads by default.
func Claims() map[string]any {
	many := make([]string, 100_000) // 100,000 empty strings
	xs := make([]string, 50_000)
	for i := range xs {
		xs[i] = "x"
	}
	pairs := make([]string, 100)
	for i := range pairs {
		pairs[i] = "ab"
	}
	return map[string]any{
		"a":      strings.Repeat("a", 100),
		"wide":   strings.Repeat("x", 100_000),
		"many":   many,
		"xs":     xs,
		"pairs":  pairs,
		"pat":    strings.Repeat("a", 20_000),
		"hay":    strings.Repeat("a", 100_000),
		"needle": strings.Repeat("a", 50_000) + "b",
	}
}

// lit100 is a CEL literal of 100 a's.
var lit100 = "'" + strings.Repeat("a", 100) + "'"

// Replaces is the review's bomb: a 100-character literal whose every
// character becomes 100 characters, n times over (10^(2n+2) characters);
// with n = 4 it is 903 bytes and ended the process out of memory.
func Replaces(n int) string {
	return lit100 + strings.Repeat(".replace('a',"+lit100+")", n) + ".size() > 0"
}

// digits is a literal list of ten elements.
const digits = "[0,1,2,3,4,5,6,7,8,9]"

// nested wraps inner in depth comprehensions of macro over digits.
func nested(macro string, depth int, inner string) string {
	s := inner
	for i := depth - 1; i >= 0; i-- {
		s = fmt.Sprintf("%s.%s(v%d, %s)", digits, macro, i, s)
	}
	return s
}

// doubling builds a list of 2^depth copies of list's elements by
// concatenating a list with itself in nested scopes (cel-go concatenates
// lazily, so the list costs nothing until it is read), then asks whether
// it holds elem.
func doubling(list string, depth int, elem string) string {
	s := fmt.Sprintf("%s in d%d", elem, depth)
	for i := depth - 1; i >= 0; i-- {
		s = fmt.Sprintf("[d%d + d%d].exists(d%d, %s)", i, i, i+1, s)
	}
	return fmt.Sprintf("[%s].exists(d0, %s)", list, s)
}

// Shapes are the bombs, written over the claims variable root (claims
// for Kubernetes, assertion for Google Cloud). Each fits Google Cloud's
// 4,096 characters for an attribute condition. withSets adds the bombs
// that need ext.Sets (Kubernetes has it, Google Cloud does not).
func Shapes(root string, withSets bool) []Bomb {
	c := func(s string) string { return strings.ReplaceAll(s, "$", root) }
	out := []Bomb{
		{Name: "replace x4 (literal, 903 bytes)", Expr: Replaces(4), Static: true},
		{Name: "replace x3 (literal)", Expr: Replaces(3), Static: true},
		{Name: "list growth (literal map)", Expr: nested("map", 6, lit100) + ".size() > 0", Static: true},
		{Name: "nested exists (literal)", Expr: nested("exists", 7, "false"), Static: true},
		{Name: "replace x4 (claims)", Expr: c("$.a" + strings.Repeat(".replace('a', $.a)", 4) + ".size() > 0")},
		{Name: "join (claims)", Expr: c("$.many.join($.wide).size() > 0")},
		{Name: "format (claims)", Expr: c("'%s'.format([$.pairs.map(p, $.pairs.map(q, $.wide))]).size() > 0")},
		{Name: "list doubling (claims)", Expr: doubling(c("$.pairs"), 30, "'zz'")},
		{Name: "nested exists (claims)", Expr: c("$.pairs.exists(a, $.pairs.exists(b, $.pairs.exists(c, $.pairs.exists(d, a + b + c + d == 'no'))))"), Costly: true},
		{Name: "regex compiled per element (claims)", Expr: c("$.pairs.exists(p, p.matches($.pat))")},
		{Name: "regex pattern size (claims)", Expr: c("'a'.matches($.hay)")},
		{Name: "indexOf (claims)", Expr: c("$.hay.indexOf($.needle) >= 0")},
	}
	if withSets {
		out = append(out, Bomb{Name: "sets.intersects (claims)", Expr: c("sets.intersects($.many, $.xs)")})
	}
	return out
}
