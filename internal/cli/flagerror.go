package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
	best, bestDist := "", max(2, len(typed)/3)+1
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		if d := editDistance(typed, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (flag names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
