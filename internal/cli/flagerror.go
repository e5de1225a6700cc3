package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	return &usageError{cmd: cmd, err: err}
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
