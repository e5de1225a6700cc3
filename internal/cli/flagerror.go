package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/closest"
)

// flagError is cobra's FlagErrorFunc for every command: a flag mistake is
// a usage error, and a mistyped flag name gets "did you mean" (cobra
// suggests commands, not flags).
func flagError(cmd *cobra.Command, err error) error {
	var missing *pflag.NotExistError
	if errors.As(err, &missing) {
		typed := missing.GetSpecifiedName()
		if short := missing.GetSpecifiedShortnames(); short != "" {
			typed = short // "-polcy": a long name typed with one dash
		}
		if s := suggestFlag(cmd, typed); s != "" {
			err = fmt.Errorf("%w; did you mean --%s?", err, s)
		}
	}
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		err = invalidValue(invalid)
	}
	return &usageError{cmd: cmd, err: err}
}

// invalidValue is pflag's "invalid argument … for … flag" in its own
// words, with the value raw between quotes: pflag quotes it with %q, and
// stderr escapes the message again, so an ESC read as a backslash.
func invalidValue(e *pflag.InvalidValueError) error {
	f := e.GetFlag()
	name := "--" + f.Name
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		name = "-" + f.Shorthand + ", " + name
	}
	return fmt.Errorf("invalid argument %s for \"%s\" flag: %w", escape.Quoted(e.GetValue()), name, e.Unwrap())
}

// suggestFlag is the command's flag name closest to typed, within a third
// of its length in edits (at least two), or "" when none is that close.
func suggestFlag(cmd *cobra.Command, typed string) string {
	typed = strings.TrimLeft(typed, "-")
	if name, _, ok := strings.Cut(typed, "="); ok {
		typed = name
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	return closest.Match(typed, names, max(2, len(typed)/3)+1)
}
