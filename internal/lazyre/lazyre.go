// Package lazyre compiles a regular expression the first time it is used.
// A program that compiles its expressions at package initialisation pays
// for all of them on every start, even for the one or two a run needs;
// oidcscope has some thirty, spread over the providers.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and then
// returns the same *regexp.Regexp. Like regexp.MustCompile, the first call
// panics if expr is invalid; TestEveryExpressionCompiles compiles every
// literal one in the module.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
