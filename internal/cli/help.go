package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// setHelp makes -h, --help and `help COMMAND` print to stdout: the
// overview for the bare command, a command's usage line, description and
// flags for the others.
func setHelp(root *cobra.Command) {
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "help about a command",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				// An unknown topic is a mistake like an unknown command.
				guess := ""
				if s := commandGuesses(root, args[0]); len(s) > 0 && len(args) == 1 {
					guess = "; did you mean " + strings.Join(s, " or ") + "?"
				}
				return usagef("no help for %s%s (run 'oidcscope help' for the commands)", quoted(strings.Join(args, " ")), guess)
			}
			return target.Help()
		},
	})
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		out := cmd.OutOrStdout()
		cmd.InitDefaultHelpFlag() // `help COMMAND` runs before COMMAND's flags are set up
		if cmd == root {
			fmt.Fprint(out, overview)
			return
		}
		fmt.Fprintf(out, "Usage: %s\n", cmd.UseLine())
		if cmd.Long != "" {
			fmt.Fprintf(out, "\n%s\n", strings.TrimSpace(cmd.Long))
		}
		if cmd.HasAvailableLocalFlags() {
			fmt.Fprintf(out, "\nFlags:\n%s", cmd.LocalFlags().FlagUsages())
		}
	})
}

// overview is the bare command's help.
const overview = `oidcscope — inspect, verify and explain JSON Web Tokens (GitHub Actions OIDC first)

Usage:
  oidcscope [TOKEN | @FILE] [flags]               the terminal inspector (paste screen without a token)
  oidcscope --demo                                the inspector on a demo token with sample policies, offline
  oidcscope inspect [TOKEN | - | @FILE] [flags]   decode, verify and explain a token
  oidcscope inspect --demo                        the same, on a fresh embedded demo token
  oidcscope tui [TOKEN | @FILE] [flags]           the terminal inspector, named
  oidcscope explain CLAIM|CODE [--json]           what a claim or a provider's error code means
  oidcscope suggest --provider P [--scope S] TOKEN  a least-privilege policy this token satisfies
  oidcscope diff A B [flags]                      two tokens: the claims and the verdicts that differ
  oidcscope simulate --repo O/R --event E [flags] the token a job would get, before it runs (unsigned)
  oidcscope reach --policy FILE --repo O/R        which jobs of a repository a policy lets in
  oidcscope fetch [--policy FILE] [flags]         in a GitHub Actions job: fetch the job's token, check it
  oidcscope completion bash|zsh|fish              a shell completion script
  oidcscope version

The token may be pasted in any common wrapping: bare, "Bearer …", an
Authorization header, quoted, wrapped across lines, the Actions token
endpoint's JSON, or inside a log line. With no TOKEN, it is read from stdin.
When stdout is not a terminal, or with --json, the bare command is inspect.

Run 'oidcscope help COMMAND' or 'oidcscope COMMAND --help' for a command's flags.

Exit codes: 0 every requested check passed and every given policy allows,
            1 a check failed or a given policy denies,
            2 not a token, bad usage, or an unusable key source.
`
