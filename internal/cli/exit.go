package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/escape"
)

// Exit codes, as README "Exit codes" states them.
const (
	exitOK      = 0 // every requested check passed
	exitFailed  = 1 // a check failed, a policy denied, a claim is not in the catalog
	exitProblem = 2 // not a token, bad usage, an unusable key source or input
)

// usageError is a mistake on the command line: exit 2, the message and a
// pointer to the command's help.
type usageError struct {
	cmd *cobra.Command // whose --help to point at; nil for none
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef is a usage error with no pointer to the help: the message says
// what to do.
func usagef(format string, a ...any) error {
	return &usageError{err: fmt.Errorf(format, a...)}
}

// exitError ends a command with code; err, when set, is said on stderr
// (otherwise the command has already said why, or the report does).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// exitWith turns a command's exit code into its error: nil for 0.
func exitWith(code int) error {
	if code == exitOK {
		return nil
	}
	return &exitError{code: code}
}

// failf is a problem with the input (exit 2), said on stderr.
func failf(format string, a ...any) error {
	return &exitError{code: exitProblem, err: fmt.Errorf(format, a...)}
}

// exitCodeOf is the one place errors become exit codes and messages.
// Everything said here is escaped: messages quote what the user typed,
// and an argument pasted from anywhere must not drive the terminal.
func exitCodeOf(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	say := func(msg string) {
		fmt.Fprintln(stderr, "oidcscope: "+escape.Text(msg))
	}
	var usage *usageError
	if errors.As(err, &usage) {
		say(usage.Error())
		if usage.cmd != nil {
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", usage.cmd.CommandPath())
		}
		return exitProblem
	}
	var exit *exitError
	if errors.As(err, &exit) {
		if exit.err != nil {
			say(exit.err.Error())
		}
		return exit.code
	}
	// cobra's own errors: an unknown command, a bad argument count.
	// Its suggestions come on lines of their own; one line reads better.
	msg, guesses, found := strings.Cut(strings.TrimSpace(err.Error()), "\n\nDid you mean this?\n")
	if found {
		msg += "; did you mean " + strings.Join(strings.Fields(guesses), " or ") + "?"
	}
	say(msg)
	return exitProblem
}
