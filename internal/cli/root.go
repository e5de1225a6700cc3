package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/internal/closest"
)

// newRootCmd is `oidcscope`: the terminal inspector when no command is
// named (as `tui`), and every command below it.
func newRootCmd(s streams, client actions.Client) *cobra.Command {
	return newRootCmdFor(s, client, "")
}

// newRootCmdFor is newRootCmd with only the command named only, when it
// is one (the first argument names it): building every command's flags
// was a tenth of a short command's start-up, and cobra needs no other
// command to find and run this one. Help, completion, a mistyped
// command and the bare inspector get the whole tree.
func newRootCmdFor(s streams, client actions.Client, only string) *cobra.Command {
	var o inspectOptions
	root := &cobra.Command{
		Use:     "oidcscope [TOKEN | @FILE]",
		Short:   "inspect, verify and explain JSON Web Tokens (GitHub Actions OIDC first)",
		Version: version(),
		Args:    tokenOrCommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			return tuiRun(&o, args, s)
		},
		CompletionOptions:          cobra.CompletionOptions{DisableDefaultCmd: true},
		SuggestionsMinimumDistance: 2,
	}
	root.SetVersionTemplate("oidcscope {{.Version}}\n")
	commands := []struct {
		name  string
		build func() *cobra.Command
	}{
		{"inspect", func() *cobra.Command { return newInspectCmd(s) }},
		{"tui", func() *cobra.Command { return newTUICmd(s) }},
		{"explain", func() *cobra.Command { return newExplainCmd(s) }},
		{"suggest", func() *cobra.Command { return newSuggestCmd(s) }},
		{"fetch", func() *cobra.Command { return newFetchCmd(s, client) }},
		{"version", func() *cobra.Command { return newVersionCmd(s) }},
		{"completion", func() *cobra.Command { return newCompletionCmd(s) }},
		{"simulate", func() *cobra.Command { return newSimulateCmd(s) }},
		{"reach", func() *cobra.Command { return newReachCmd(s) }},
		{"diff", func() *cobra.Command { return newDiffCmd(s) }},
	}
	known := false
	for _, c := range commands {
		known = known || c.name == only
	}
	if !known || only == "completion" {
		only = "" // completion describes every command
		o.register(root.Flags())
	}
	for _, c := range commands {
		if only == "" || c.name == only {
			root.AddCommand(c.build())
		}
	}
	setHelp(root)
	for _, c := range append(root.Commands(), root) {
		commonSetup(c, s)
	}
	return root
}

// tokenOrCommand reads the bare command's arguments as a token, except a
// mistyped command: a short lower-case word can never be a JWT, whose
// parts start "eyJ".
func tokenOrCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 || !looksLikeCommand(args[0]) {
		return nil
	}
	return unknownCommand(cmd.Root(), args[0])
}

// mistypedCommand is the unknown-command error when args start with a
// word that names no command but could only be one (looksLikeCommand):
// checked before the flags are read, so what follows it (flags only a
// command has, --help) cannot hide it behind a flag error or the bare
// command's help. nil when args start otherwise.
func mistypedCommand(root *cobra.Command, args []string) error {
	if len(args) == 0 || !looksLikeCommand(args[0]) {
		return nil
	}
	root.InitDefaultHelpCmd() // so that "help" is found as the command it is
	if found, _, err := root.Find(args[:1]); err == nil && found != root {
		return nil
	}
	return unknownCommand(root, args[0])
}

// unknownCommand names typed as no command, with the commands near it.
func unknownCommand(root *cobra.Command, typed string) error {
	guess := ""
	if s := commandGuesses(root, typed); len(s) > 0 {
		guess = "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return &usageError{err: fmt.Errorf("unknown command %s%s (run 'oidcscope help')", quoted(typed), guess)}
}

// commandGuesses are the command names near typed, help among them.
func commandGuesses(root *cobra.Command, typed string) []string {
	s := root.SuggestionsFor(typed)
	if closest.Distance(typed, "help") <= root.SuggestionsMinimumDistance && !slices.Contains(s, "help") {
		s = append(s, "help") // cobra never suggests its help command
	}
	return s
}

func looksLikeCommand(arg string) bool {
	if len(arg) == 0 || len(arg) > 20 {
		return false
	}
	for _, c := range arg {
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return arg[0] != '-'
}
