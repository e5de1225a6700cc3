package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/closest"
	"github.com/oidcscope/oidcscope/verify"
)

// Flag values checked when they are parsed, so a mistyped one is a usage
// error naming it (exit 2), not a check that fails or passes later.

// algsValue is --algs: JWS algorithm names oidcscope verifies, repeated or
// comma-separated, exactly as written: JOSE names are case-sensitive, and
// a name no token can carry would only ever fail the signature check.
type algsValue struct{ listValue }

func (a *algsValue) Set(v string) error {
	names := listValue{v}.split()
	if len(names) == 0 {
		return fmt.Errorf("no algorithm named; give names such as %s", strings.Join(verify.SupportedAlgs[:2], ","))
	}
	for _, n := range names {
		if err := checkAlg(n); err != nil {
			return err
		}
	}
	return a.listValue.Set(v)
}

// checkAlg says why name is not an algorithm --algs takes, with the name
// meant when it is near one (or differs only in case), else the names.
func checkAlg(name string) error {
	if slices.Contains(verify.SupportedAlgs, name) {
		return nil
	}
	if strings.EqualFold(name, "none") {
		return fmt.Errorf("%s means unsigned and is never allowed", escape.Quoted(name))
	}
	for _, a := range verify.SupportedAlgs {
		if strings.EqualFold(a, name) {
			return fmt.Errorf("%s: algorithm names are case-sensitive; did you mean %s?", escape.Quoted(name), a)
		}
	}
	if near := closest.Match(name, verify.SupportedAlgs, 2); near != "" {
		return fmt.Errorf("%s is not a JWS algorithm oidcscope verifies; did you mean %s?", escape.Quoted(name), near)
	}
	return fmt.Errorf("%s is not a JWS algorithm oidcscope verifies (one of %s)", escape.Quoted(name), strings.Join(verify.SupportedAlgs, ", "))
}

// sizeValue is --max-size: a limit of at least one byte. Zero or less
// would refuse every token, or (read as "the default") silently allow
// what the user meant to limit.
type sizeValue struct{ n *int }

// registerMaxSize registers --max-size into n, the default limit first.
func registerMaxSize(fs *pflag.FlagSet, n *int, def int) {
	*n = def
	fs.Var(sizeValue{n}, "max-size", "largest token text accepted, in `bytes`")
}

func (s sizeValue) String() string {
	if s.n == nil {
		return "0"
	}
	return strconv.Itoa(*s.n)
}

func (s sizeValue) Set(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return errors.New("not a whole number of bytes")
	}
	if n < 1 {
		return fmt.Errorf("the limit must be at least 1 byte")
	}
	*s.n = n
	return nil
}

// Type is int, as the flag was before its values were checked: help and
// completion show it the same.
func (s sizeValue) Type() string { return "int" }
