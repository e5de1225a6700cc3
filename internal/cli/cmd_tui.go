package cli

import (
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/ui"
)

// newTUICmd is `oidcscope tui`, the terminal inspector, with every inspect
// flag. The bare command runs it too (newRootCmd).
func newTUICmd(s streams) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "tui [TOKEN | @FILE]",
		Short: "the terminal inspector (the default command)",
		Long: `The terminal inspector: the paste screen without a token, else the inspector
on it. When stdout is not a terminal, or with --json, it prints the inspect
report instead.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return tuiRun(&o, args, s)
		},
	}
	o.register(cmd.Flags())
	return cmd
}

// tuiRun opens the terminal inspector, or prints inspect's report when
// stdout is not a terminal or --json is given.
func tuiRun(o *inspectOptions, args []string, s streams) error {
	out, ok := s.out.(*os.File)
	if !ok || !isTerminal(out) || o.output.json {
		return inspectRun(o, args, s)
	}
	opts, err := o.pipeline(args, s, true)
	if err != nil {
		return err
	}
	sessions, err := tuiSessions(o, opts, s.getenv)
	if err != nil {
		return err
	}
	cfg := ui.Config{
		Session:     sessions.pasted,
		Input:       opts.Input,
		InputDemo:   o.demo.on(),
		DemoSession: &sessions.demo,
		DemoToken:   demoToken,
		Renderer:    lipgloss.NewRenderer(out, termenv.WithEnvironment(environ(s.getenv))),
		Clipboard:   clipboardWriter(s.errOut, out),
		Getenv:      s.getenv,
	}
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(out)}
	if !stdinIsTerminal(s.in) {
		// The token came on stdin; keys come from the terminal itself.
		progOpts = append(progOpts, tea.WithInputTTY())
	}
	if _, err := tea.NewProgram(ui.New(cfg), progOpts...).Run(); err != nil {
		return failf("%w", err)
	}
	return nil
}

// tuiSessions are the terminal inspector's two sessions: the one for the
// tokens the user pastes or opens, and the demo's.
type tuiSessionPair struct {
	pasted, demo inspect.Session
}

// tuiSessions builds them from opts (pipeline's). Without --demo, opts
// are the pasted tokens' and the demo has its keys and sample policies.
// With --demo, opts are the demo's, to which the sample policies are
// added after any --policy; a token pasted later is checked as the flags
// say, without the demo's keys, issuer and audience, against the same
// policies.
func tuiSessions(o *inspectOptions, opts inspect.Options, getenv env) (tuiSessionPair, error) {
	if !o.demo.on() {
		demo, err := demoSession()
		return tuiSessionPair{pasted: inspect.NewSession(opts), demo: demo}, err
	}
	given, _ := opts.Policies.(*policyset.Set)
	opts.Policies = given.Merge(demoPolicies())
	pasted, err := o.checkOptions(getenv)
	if err != nil {
		return tuiSessionPair{}, err
	}
	pasted.Policies, pasted.PoliciesAny = opts.Policies, opts.PoliciesAny
	return tuiSessionPair{pasted: inspect.NewSession(pasted), demo: inspect.NewSession(opts)}, nil
}

// clipboardWriter is where OSC 52 goes: the terminal, never a file. stderr
// keeps the sequence out of the frames Bubble Tea writes to stdout, but
// when it is redirected, a copied token would land in that file.
func clipboardWriter(stderr io.Writer, out *os.File) io.Writer {
	if f, ok := stderr.(*os.File); ok && isTerminal(f) {
		return f
	}
	return out
}
