package policytest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// Stand-ins for what the helpers are given: a test that records how it was
// failed, and providers.

// recorder stands in for a test to see whether a helper fails it; Fatalf
// stops the helper the way testing.T's does, by leaving its goroutine's
// call (here: a panic that failure recovers).
type recorder struct {
	testing.TB
	failed string
}

type stopped struct{}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...) // the test goes on, as with testing.T
}

func (r *recorder) Fatal(args ...any) {
	r.failed = fmt.Sprint(args...)
	panic(stopped{})
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	panic(stopped{})
}

// failure runs f against a recorder and returns what the test was last
// failed with ("" when it was not).
func failure(f func(tb testing.TB)) (msg string) {
	r := &recorder{}
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(stopped); !ok {
				panic(p)
			}
		}
		msg = r.failed
	}()
	f(r)
	return ""
}

// lines is a provider whose documents hold one policy per line, named
// source:line; it detects every document.
type lines struct{ policy.Provider }

func (lines) ID() string { return "lines" }

func (lines) Detect([]byte) bool { return true }

func (lines) Parse(source string, data []byte) ([]policy.Policy, error) {
	if len(data) == 0 {
		return nil, errors.New("empty document")
	}
	var out []policy.Policy
	for _, line := range strings.Split(string(data), "\n") {
		out = append(out, named(source+":"+line))
	}
	return out, nil
}

// foreign is lines that detects nothing.
type foreign struct{ lines }

func (foreign) Detect([]byte) bool { return false }

type named string

func (n named) Provider() string                    { return "lines" }
func (n named) Source() string                      { return string(n) }
func (n named) Name() string                        { return string(n) }
func (n named) Evaluate(policy.Token) policy.Result { return policy.Result{} }
