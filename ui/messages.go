package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// Async work comes back as messages; gen drops answers to a question that
// is no longer current (a newer paste, a newer token).

type previewMsg struct {
	gen     int
	preview inspect.Preview
}

type reportMsg struct {
	gen     int
	report  *inspect.Report
	offline bool // the first, network-free pass
}

type policiesMsg struct {
	session  inspect.Session
	failures []policy.Result
	path     string
}

type fileMsg struct {
	path string
	data []byte
	err  error
}

type tickMsg time.Time

func previewCmd(gen int, input []byte, maxSize int) tea.Cmd {
	return func() tea.Msg {
		return previewMsg{gen: gen, preview: inspect.PreviewInput(input, maxSize)}
	}
}

func inspectCmd(gen int, s inspect.Session, input []byte, offline bool) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		if offline {
			return reportMsg{gen: gen, report: s.InspectOffline(ctx, input), offline: true}
		}
		return reportMsg{gen: gen, report: s.Inspect(ctx, input)}
	}
}

func loadPoliciesCmd(s inspect.Session, path string) tea.Cmd {
	return func() tea.Msg {
		next, failures := s.WithPolicyFiles(path)
		return policiesMsg{session: next, failures: failures, path: path}
	}
}

func readFileCmd(read func(string) ([]byte, error), path string, max int) tea.Cmd {
	return func() tea.Msg {
		data, err := read(path)
		if err == nil && max > 0 && len(data) > max {
			data, err = nil, errTooLarge{size: len(data), max: max}
		}
		return fileMsg{path: path, data: data, err: err}
	}
}

func tickCmd() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}
