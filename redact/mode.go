// Package redact makes an inspect.Report safe to paste where others read it
// (an issue, a step summary): the signature, which is what makes a token a
// usable credential, and on request the numeric IDs and jti, which say
// which account, repository and run the token came from.
//
// It works on the Report after evaluation, so verdicts are those of the
// real token, and before any rendering, so text, JSON and Markdown all show
// the same redacted values.
package redact

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Mode says what is redacted.
type Mode int

const (
	None      Mode = iota // nothing
	Signature             // the signature (and a JWE's encrypted parts)
	IDs                   // the signature, numeric ID claims and jti
)

// ParseMode reads a mode as flags and action inputs spell it.
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none", "false", "off", "no":
		return None, nil
	case "", "signature", "true", "on", "yes":
		return Signature, nil
	case "ids":
		return IDs, nil
	}
	return None, fmt.Errorf("redact %s: want signature (or true), ids, or none (or false)", escape.Quoted(s))
}

func (m Mode) String() string {
	switch m {
	case None:
		return "none"
	case IDs:
		return "ids"
	}
	return "signature"
}

// Set implements flag.Value, so a FlagSet can hold a *Mode: --redact
// alone is Signature, --redact=ids, --redact=none.
func (m *Mode) Set(s string) error {
	v, err := ParseMode(s)
	if err == nil {
		*m = v
	}
	return err
}

// IsBoolFlag lets --redact stand alone on the command line.
func (m *Mode) IsBoolFlag() bool { return true }
