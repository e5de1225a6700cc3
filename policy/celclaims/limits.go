package celclaims

import (
	"errors"
	"time"
)

// The bounds on CEL evaluation (issue 13: one hostile document must never
// take the report down). They hold for every CEL provider.
const (
	// CostLimit is what one evaluation of one expression may cost, in
	// cel-go's units: kube-apiserver's per-call limit
	// (celconfig.PerCallLimit). Google Cloud's own limit is not published;
	// the same bound serves it.
	CostLimit = 1_000_000

	// PolicyCostLimit bounds all the CEL of one policy evaluation: its
	// expressions, and the terms of a false one, evaluated again to
	// explain it. Past it, what is left of the policy is not evaluated.
	PolicyCostLimit = 10 * CostLimit

	// PolicyTimeout is the wall-clock bound on the comprehensions of one
	// policy evaluation, for work that cost accounting cannot see coming:
	// a loop still running then is interrupted, and the policy is an
	// error. Only a loop can be interrupted, so only an expression with
	// one is held to it; a policy under CostLimit takes milliseconds of
	// CPU, and a second leaves room for a machine too busy to give it any.
	PolicyTimeout = time.Second

	// MaxResultSize bounds the value an expression may return: the
	// elements of its lists and maps and the characters of its strings,
	// counted together. oidcscope reads the value afterwards, and a list
	// concatenated with itself in nested scopes can claim billions of
	// elements while costing nothing to build. Four times anything a token
	// (1 MiB by default) can supply.
	MaxResultSize = 4 << 20

	// interruptEvery is how many comprehension iterations pass between
	// two looks at PolicyTimeout.
	interruptEvery = 32

	// regexCompileCost is what compiling one byte of a regular expression
	// built at evaluation time costs. cel-go prices matches() by the
	// pattern's length times the text's, but compiles the pattern on every
	// call, which takes about a microsecond (and a few hundred bytes) per
	// byte of pattern: at cel-go's price (a fortieth of a unit a byte
	// against a short text) a pattern compiled in a loop could run for
	// most of a minute within CostLimit. Literal patterns are compiled
	// once, when the program is planned.
	regexCompileCost = 10
)

// ErrCostLimit is wrapped by every error that stops an evaluation at one
// of oidcscope's bounds: the cost of an expression or of the whole policy,
// the time, or the size of a result.
var ErrCostLimit = errors.New("stopped at oidcscope's CEL cost limit")

// ErrEstimate is wrapped when an expression is refused before it is ever
// evaluated: its own literals make it cost more than CostLimit.
var ErrEstimate = errors.New("estimated CEL cost over the limit")
