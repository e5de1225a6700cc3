package cli

import (
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

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
	start, err := tuiStartOf(o, opts, s.getenv)
	if err != nil {
		return err
	}
	cfg := ui.Config{
		Session:     start.pasted,
		Input:       opts.Input,
		InputDemo:   o.demo.on(),
		DemoSession: start.demo,
		DemoSamples: withDemoSamples,
		DemoToken:   demoToken,
		Renderer:    tuiRenderer(out, s.getenv),
		Clipboard:   clipboardWriter(s.errOut, out),
		Getenv:      s.getenv,
	}
	// Bubble Tea writes frames on a ticker; at its highest rate a frame
	// (the first one, and each key's answer) waits at most 8 ms, not 17.
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(out), tea.WithFPS(120)}
	if !stdinIsTerminal(s.in) {
		// The token came on stdin; keys come from the terminal itself.
		progOpts = append(progOpts, tea.WithInputTTY())
	}
	if _, err := tea.NewProgram(ui.New(cfg), progOpts...).Run(); err != nil {
		return failf("%w", err)
	}
	return nil
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
