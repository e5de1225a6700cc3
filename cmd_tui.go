package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/ui"
)

// runTUI is the bare command: the terminal inspector, with every inspect
// flag. When stdout is not a terminal, or with --json, it is `inspect`.
func runTUI(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	out, ok := stdout.(*os.File)
	if !ok || !isTerminal(out) || wantsHelp(args) {
		return runInspect(args, stdin, stdout, stderr, getenv)
	}
	var f inspectFlags
	fset := newInspectFlagSet(&f, stderr)
	positional, err := parseInterspersed(fset, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if f.json {
		return runInspect(args, stdin, stdout, stderr, getenv)
	}
	opts, code := f.options(positional, stdin, stderr, getenv, true)
	if code != 0 {
		return code
	}
	demo, code := demoSession(stderr)
	if code != 0 {
		return code
	}
	cfg := ui.Config{
		Input:       opts.Input,
		DemoSession: &demo,
		DemoToken: func(now time.Time) ([]byte, error) {
			tok, err := fixtures.Sign(fixtures.DefaultDemo, now)
			return []byte(tok), err
		},
		Renderer:  lipgloss.NewRenderer(out, termenv.WithEnvironment(environ(getenv))),
		Clipboard: clipboardWriter(stderr, out),
		Getenv:    getenv,
	}
	session := inspect.NewSession(opts)
	if f.demo {
		// The onboarding demo: the demo keys as set up by --demo, plus the
		// sample policies, so every view has something to show.
		session = session.WithPolicies(demoPolicies())
		cfg.Title = "demo"
	}
	cfg.Session = session
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(out)}
	if !stdinIsTerminal(stdin) {
		// The token came on stdin; keys come from the terminal itself.
		progOpts = append(progOpts, tea.WithInputTTY())
	}
	if _, err := tea.NewProgram(ui.New(cfg), progOpts...).Run(); err != nil {
		fmt.Fprintf(stderr, "oidcscope: %v\n", err)
		return 2
	}
	return 0
}

// demoSession is what the paste screen's demo offer uses: the demo keys,
// offline, with the sample policies.
func demoSession(stderr io.Writer) (inspect.Session, int) {
	var opts inspect.Options
	if code := setupDemo(&opts, fixtures.DefaultDemo, stderr); code != 0 {
		return inspect.Session{}, code
	}
	return inspect.NewSession(opts).WithPolicies(demoPolicies()), 0
}

// demoPolicies loads the embedded sample policies the demo shows, named by
// their path in the repository.
func demoPolicies() *policyset.Set {
	read := func(p string) ([]byte, error) {
		return fs.ReadFile(fixtures.Policies(), strings.TrimPrefix(p, "fixtures/"))
	}
	paths := fixtures.DemoPolicies()
	for i, p := range paths {
		paths[i] = "fixtures/" + p
	}
	return policyset.Loader{ReadFile: read}.Load(paths, nil, nil)
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
