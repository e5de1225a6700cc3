package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/report/view"
)

// Async work comes back as messages; gen drops answers to a question that
// is no longer current (a newer paste, a newer token).

type previewMsg struct {
	gen     int
	preview inspect.Preview
	errs    []view.ReportedError // providers' error messages in the paste
}

type reportMsg struct {
	gen     int
	report  *inspect.Report
	offline bool // the first, network-free pass; else verified with fetched keys
}

type policiesMsg struct {
	session inspect.Session
	load    inspect.PolicyLoad
	path    string
	// sessionGen is Model.sessionGen when the read started: session is
	// that one's, with the file.
	sessionGen int
}

type fileMsg struct {
	path string
	data []byte
	err  error
}

type tickMsg time.Time

// exportMsg is a redacted Markdown report, ready for the clipboard.
type exportMsg struct {
	what string
	text string
	err  error
}

// previewCmd describes a paste; one that is not a token alone (no token,
// or one inside other text: a log) is inspected, network-free, for the
// providers' error messages it holds, which the paste screen names in
// place of "no token found".
func previewCmd(gen int, input []byte, s inspect.Session) tea.Cmd {
	return func() tea.Msg {
		p := inspect.PreviewInput(input, s.Limits())
		msg := previewMsg{gen: gen, preview: p}
		if !p.Empty && (p.Kind == "" || slices.Contains(p.Stripped, decode.StripSurroundingText)) {
			msg.errs = view.ReportedErrors(s.InspectOffline(context.Background(), input))
		}
		return msg
	}
}

// inspectCmd is the network-free pass: the whole report but the keys a
// fetch would bring.
func inspectCmd(gen int, s inspect.Session, input []byte) tea.Cmd {
	return func() tea.Msg {
		return reportMsg{gen: gen, report: s.InspectOffline(context.Background(), input), offline: true}
	}
}

// verifyCmd fetches the keys for the offline report r and verifies it
// again with them; the policies keep their results (they read only the
// claims), so they are not evaluated twice.
func verifyCmd(gen int, s inspect.Session, r *inspect.Report) tea.Cmd {
	return func() tea.Msg {
		keys := s.FetchKeys(context.Background(), r)
		return reportMsg{gen: gen, report: s.Reverify(r, keys)}
	}
}

func loadPoliciesCmd(s inspect.Session, sessionGen int, path string) tea.Cmd {
	return func() tea.Msg {
		next, load := s.ReloadPolicyFiles(path)
		return policiesMsg{session: next, load: load, path: path, sessionGen: sessionGen}
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

// exportCmd redacts the report and renders it as Markdown (what the
// GitHub Actions step summary shows), off the UI goroutine: a large token
// takes milliseconds to walk.
func exportCmd(r *inspect.Report, mode redact.Mode) tea.Cmd {
	return func() tea.Msg {
		var b strings.Builder
		shown := redact.Report(r, mode)
		err := report.Markdown(&b, report.MarkdownSection{Heading: exportHeading(shown), Report: shown})
		return exportMsg{what: "the report (" + mode.String() + " redacted, Markdown)", text: b.String(), err: err}
	}
}

// exportHeading heads the copied report's one token as the command
// line's Markdown heads each of its tokens, "Token for audience …"
// (plain text: report.Markdown escapes it), and says when the claims are
// edited ones.
func exportHeading(r *inspect.Report) string {
	h := "Token"
	if r.Token != nil {
		if aud, ok := r.Token.Payload.Get("aud"); ok {
			var auds []string
			for _, v := range append([]decode.Value{aud}, aud.Items...) {
				if v.Kind == decode.String {
					auds = append(auds, v.Text)
				}
			}
			if len(auds) > 0 {
				h += " for audience " + strings.Join(auds, ", ")
			}
		}
	}
	if m := r.Unsigned.Marker(); m != "" {
		h += " (" + m + ")"
	}
	return h
}

func tickCmd() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}
