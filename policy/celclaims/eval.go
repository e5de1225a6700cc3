package celclaims

import (
	"fmt"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// Eval runs a program. cel-go reports most runtime failures (a missing
// key, no matching overload) as an error value, not a Go error; both come
// back as the error here, because for every CEL provider a failing
// expression fails its rule, whichever way cel-go reported it.
func Eval(prg cel.Program, vars map[string]any) (ref.Val, error) {
	out, _, err := prg.Eval(vars)
	if err != nil {
		return nil, err
	}
	if types.IsError(out) {
		if e, ok := out.(error); ok {
			return nil, e
		}
		return nil, fmt.Errorf("%v", out)
	}
	return out, nil
}

// MissingKey extracts the key of a "no such key: x" CEL error: the
// expression read a claim (or attribute) the token does not carry.
func MissingKey(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	_, key, ok := strings.Cut(err.Error(), "no such key: ")
	return key, ok
}
