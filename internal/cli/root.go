package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/internal/closest"
)

// newRootCmd is `oidcscope`: the terminal inspector when no command is
// named (as `tui`), and every command below it.
func newRootCmd(s streams, client actions.Client) *cobra.Command {
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
	o.register(root.Flags())
	root.SetVersionTemplate("oidcscope {{.Version}}\n")
	root.AddCommand(
		newInspectCmd(s),
		newTUICmd(s),
		newExplainCmd(s),
		newSuggestCmd(s),
		newFetchCmd(s, client),
		newVersionCmd(s),
		newCompletionCmd(s),
		newSimulateCmd(s),
		newReachCmd(s),
		newDiffCmd(s),
	)
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
	err := fmt.Errorf("unknown command %s (run 'oidcscope help')", quoted(args[0]))
	s := cmd.SuggestionsFor(args[0])
	if closest.Distance(args[0], "help") <= cmd.SuggestionsMinimumDistance {
		s = append(s, "help") // cobra never suggests its help command
	}
	if len(s) > 0 {
		err = fmt.Errorf("unknown command %s; did you mean %s? (run 'oidcscope help')", quoted(args[0]), strings.Join(s, " or "))
	}
	return &usageError{err: err}
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
