package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/actions"
)

// env abstracts os.Getenv so tests control OIDCSCOPE_SECRET, NO_COLOR and
// the Actions variables.
type env func(string) string

// environ adapts env to termenv, so colour detection reads the same
// environment as everything else.
type environ env

func (e environ) Getenv(k string) string { return e(k) }
func (e environ) Environ() []string      { return nil }

// streams are what every command reads and writes.
type streams struct {
	in          io.Reader
	out, errOut io.Writer
	getenv      env
}

// Run is the whole program behind main: it runs the command args name
// and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	return run(args, streams{in: stdin, out: stdout, errOut: stderr, getenv: getenv}, actions.Client{})
}

// run is Run with fetch's client chosen, so tests can put a stand-in
// runner in its place.
func run(args []string, s streams, client actions.Client) int {
	only := ""
	if len(args) > 0 {
		only = args[0]
	}
	return runTree(newRootCmdFor(s, client, only), args, s)
}

// runTree executes args on a command tree and maps the outcome to an exit
// code.
func runTree(root *cobra.Command, args []string, s streams) int {
	if err := mistypedCommand(root, args); err != nil {
		return exitCodeOf(err, s.errOut)
	}
	root.SetArgs(joinRedactValue(args))
	_, err := root.ExecuteC()
	return exitCodeOf(err, s.errOut)
}

// commonSetup is what every command shares: output streams, no printing
// of errors or usage by cobra (exitCodeOf says it, once), flag errors typed.
func commonSetup(cmd *cobra.Command, s streams) {
	cmd.SetIn(s.in)
	cmd.SetOut(s.out)
	cmd.SetErr(s.errOut)
	cmd.SilenceErrors = true
	cmd.SilenceUsage = true
	cmd.SetFlagErrorFunc(flagError)
}

// NewRootCommand is the command tree Run executes, for tools and tests
// that read it (flag names, documentation).
func NewRootCommand(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *cobra.Command {
	return newRootCmd(streams{in: stdin, out: stdout, errOut: stderr, getenv: getenv}, actions.Client{})
}
