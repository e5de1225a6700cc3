package k8scel

import (
	"fmt"
	"math"
	"strconv"
)

// kind is what became of an expression: refused at compile time, failed
// at run time, or a value.
type kind int

const (
	compileErr kind = iota
	runtimeErr
	value
)

func (k kind) String() string {
	return [...]string{"compile error", "runtime error", "value"}[k]
}

// outcome is one side's answer; text is the value's canonical form or the
// error message (messages are reported, not compared).
type outcome struct {
	kind kind
	text string
}

func (o outcome) String() string { return o.kind.String() + ": " + o.text }

// scalarText writes a scalar Go value the same way for both cel-go forks.
func scalarText(v any) string {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) {
			return "NaN"
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return strconv.Quote(x)
	case []byte:
		return fmt.Sprintf("b%q", x)
	}
	return fmt.Sprintf("%v", v)
}
