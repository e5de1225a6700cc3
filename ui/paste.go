package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// pasteModel is the paste screen's buffer. bubbles/textarea is not used: it
// re-wraps its whole content on every keystroke and view, so a 1 MiB paste
// freezes it; this buffer only appends, and the view draws its tail.
type pasteModel struct {
	buf        []byte
	gen        int
	preview    inspect.Preview
	errs       []view.ReportedError // providers' error messages found in it
	previewing bool
	problem    string // a file that could not be opened
	demo       bool   // a demo token can be offered
}

// pasteTail is how much of the end of a paste is drawn.
const pasteTail = 4096

func newPasteModel(demo bool) pasteModel { return pasteModel{demo: demo} }

// clear empties the box for the next token; gen moves on, so a preview
// of the old text still on its way is dropped.
func (p *pasteModel) clear() {
	*p = pasteModel{gen: p.gen + 1, demo: p.demo}
}

func (p *pasteModel) set(b []byte) {
	p.buf = append(p.buf[:0], b...)
	p.problem = ""
	p.previewing = true
}

func (m Model) pasteKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	p := &m.paste
	changed := false
	switch {
	case msg.Type == tea.KeyCtrlC:
		return m, tea.Quit
	case msg.Type == tea.KeyEsc:
		if m.report != nil {
			m.screen = screenInspector
			return m, nil
		}
		return m, tea.Quit
	case msg.Type == tea.KeyEnter && !msg.Paste:
		if len(strings.TrimSpace(string(p.buf))) == 0 {
			return m, nil
		}
		input := append([]byte(nil), p.buf...)
		// The user's token, checked as the command line says, never with
		// the demo's keys or audience; the policies loaded so far (the
		// demo's samples too) stay.
		m.useSession(m.cfg.Session.WithPolicies(m.session.Policies()))
		m.demo = false
		return m, m.startInspection(input)
	case msg.Type == tea.KeyCtrlD && p.demo:
		tok, err := m.cfg.DemoToken(m.cfg.Now())
		if err != nil {
			p.problem = err.Error()
			return m, nil
		}
		if m.cfg.DemoSession == nil {
			return m, m.startInspection(tok)
		}
		if err := m.openDemo(); err != nil {
			p.problem = err.Error()
			return m, nil
		}
		m.askSamples()
		return m, m.startInspection(tok)
	case msg.Type == tea.KeyCtrlO:
		m.openPrompt(promptFile, "token file: ")
		return m, nil
	case msg.Type == tea.KeyCtrlU:
		p.buf = p.buf[:0]
		changed = true
	case msg.Type == tea.KeyBackspace:
		if len(p.buf) > 0 {
			_, n := utf8.DecodeLastRune(p.buf)
			p.buf = p.buf[:len(p.buf)-n]
			changed = true
		}
	case msg.Type == tea.KeyRunes, msg.Type == tea.KeySpace:
		text := string(msg.Runes)
		if msg.Paste {
			text = pastedLines(text)
		}
		p.buf = append(p.buf, text...)
		changed = true
	case msg.Type == tea.KeyEnter: // inside a bracketed paste
		p.buf = append(p.buf, '\n')
		changed = true
	}
	if !changed {
		return m, nil
	}
	p.problem = ""
	p.gen++
	p.previewing = true
	return m, previewCmd(p.gen, append([]byte(nil), p.buf...), m.session)
}

func (m Model) pasteView() string {
	st := m.st
	p := m.paste
	w := max(m.width, 20)
	var b strings.Builder
	b.WriteString(st.Title.Render("oidcscope") + st.Dim.Render(" · paste a token (any wrapping: Bearer, quotes, JSON, a log line)") + "\n\n")

	boxW := w - 2
	boxH := max(m.height-9, 3)
	// A token found with a provider's error message around it (a job
	// log): the message gets a line under the token's.
	withError := len(p.errs) > 0 && p.preview.Kind != "" && !p.previewing
	if withError {
		boxH = max(boxH-1, 3)
	}
	text := p.buf
	if len(text) > pasteTail {
		text = text[len(text)-pasteTail:]
	}
	// Line by line: the paste's own breaks stay breaks, everything else is
	// escaped.
	raw := strings.Split(strings.ToValidUTF8(string(text), "�"), "\n")
	for i := range raw {
		raw[i] = escape.Text(raw[i])
	}
	shown := strings.Join(raw, "\n")
	lines := strings.Split(ansi.Hardwrap(shown, boxW-4, true), "\n")
	if len(lines) > boxH {
		lines = lines[len(lines)-boxH:]
	}
	body := strings.Join(lines, "\n")
	if len(p.buf) == 0 {
		body = st.Dim.Render("paste here (your terminal's paste key), or type")
	}
	box := st.PaneFocused.Width(boxW - 2).Height(boxH).Render(body)
	b.WriteString(box + "\n")
	b.WriteString(m.previewLine() + "\n")
	if withError {
		b.WriteString(st.Warn.Render("! ") + m.foundErrorsLine() + "\n")
	}
	if n := len(p.preview.Stripped); n > 0 && p.preview.Problem == nil {
		b.WriteString(st.Dim.Render("removed: "+strings.Join(p.preview.Stripped, ", ")) + "\n")
	}
	for _, n := range p.preview.Notes {
		b.WriteString(st.Dim.Render("note: "+escape.Text(n)) + "\n")
	}
	offers := []string{"enter inspect"}
	if p.demo {
		offers = append(offers, "ctrl+d demo token")
	}
	offers = append(offers, "ctrl+o open a file", "ctrl+u clear")
	if m.report != nil {
		offers = append(offers, "esc back")
	} else {
		offers = append(offers, "esc quit")
	}
	b.WriteString("\n" + st.Dim.Render(strings.Join(offers, " · ")))
	if m.prompt != promptNone {
		b.WriteString("\n" + m.promptView())
	}
	return fitScreen(b.String(), m.width, m.height)
}

// previewLine says what the paste is, or what is wrong with it.
func (m Model) previewLine() string {
	st := m.st
	p := m.paste
	switch {
	case p.problem != "":
		return st.Fail.Render("✗ ") + escape.Text(p.problem)
	case len(p.buf) == 0:
		return st.Dim.Render("waiting for a token")
	case p.previewing:
		return st.Dim.Render("reading " + sizeText(len(p.buf)) + "…")
	case len(p.errs) > 0 && p.preview.Kind == "":
		// No token, but a provider said what failed: that is what the
		// reader pasted, not a failed token.
		return st.Warn.Render("! ") + m.foundErrorsLine() + st.Dim.Render(" · enter to explain")
	case p.preview.Problem != nil && p.preview.Kind == "":
		return st.Fail.Render("✗ ") + escape.Text(p.preview.Problem.Error())
	}
	v := p.preview
	parts := []string{strings.ToUpper(string(v.Kind)), fmt.Sprintf("%d segments", v.Segments), sizeText(v.Bytes)}
	if v.Alg != "" {
		parts = append(parts, escape.Text(v.Alg))
	}
	if v.Issuer != "" {
		parts = append(parts, "issuer "+escape.Text(strings.TrimPrefix(v.Issuer, "https://")))
	}
	line := strings.Join(parts, ", ")
	if v.Problem != nil {
		return st.Warn.Render("! ") + line + st.Warn.Render(" · "+escape.Text(v.Problem.Error()))
	}
	return st.Pass.Render("✓ ") + line + st.Dim.Render(" · enter to inspect")
}

// pastedLines turns the carriage returns a terminal sends for a paste's
// line breaks (xterm, tmux's paste-buffer) back into newlines: a pasted
// job log keeps its lines, so an error is found on its own line and
// quoted without the lines around it (a token among them).
func pastedLines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// foundErrorsLine names the paste's first error message, and how many
// more: "AADSTS700213 · Entra: no federated credential has this subject
// (line 3)".
func (m Model) foundErrorsLine() string {
	f := m.paste.errs[0].Found
	s := fmt.Sprintf("%s: %s (line %d)", f.Entry.Head(), f.Entry.Title, f.Line)
	if n := len(m.paste.errs) - 1; n > 0 {
		s += fmt.Sprintf(" and %d more", n)
	}
	return s
}

func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%d B", n)
}

// fitScreen fits a view to the terminal: no line wider than it, and its
// height exactly, so nothing scrolls the real screen and every frame has
// as many lines as the last. (Bubble Tea v1's renderer, given a frame one
// line shorter than the one before, erased the line above the cut: the
// paste screen's footer went when ctrl+o's prompt closed.)
func fitScreen(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}
