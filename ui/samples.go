package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
)

// The demo's session is built when the demo first shows, and its sample
// policies are read in the background (Config.DemoSamples): parsing them
// took a third of the time to the first frame. Until they come, the
// inspector draws the token, decoded and verified, says the policies are
// loading (never a verdict it has not computed), and holds the keys and
// mouse events; they are replayed in order once the token's report with
// the policies is in, so none is lost or acts on a report without them.
//
// The read starts once the token's first frame is laid out: Bubble Tea
// calls View right after the Update that takes the report, and only then
// takes the next message, the samplesDueMsg that Update returned. So the
// parse (and the garbage it leaves to collect) does not compete with the
// inspection and the layout for the CPU; the renderer writes the frame
// on its next tick (at most 8 ms later), which the parse may overlap.

// What the screen says while they load: the status line's tally, and the
// policies list and a claim's conditions.
const (
	policiesLoading = "policies loading…"
	samplesLoading  = "the demo's sample policies are loading…"
)

// samplesState is that background read.
type samplesState struct {
	phase samplesPhase
	held  []tea.Msg // keys, mouse events and policy files that came meanwhile, in order
}

// samplesPhase is how far the read has come; each phase follows the one
// before it, and the last stays.
type samplesPhase int

const (
	samplesUnasked samplesPhase = iota // not wanted yet: the demo has not shown
	samplesWanted                      // asked for; the first report's frame starts the read
	samplesReading                     // samplesCmd is running
	samplesLoaded                      // in the demo's session
)

// loading reports whether the samples are asked for and not come yet:
// what the screen says loading for, and what holds keys.
func (s samplesState) loading() bool {
	return s.phase == samplesWanted || s.phase == samplesReading
}

// samplesDueMsg starts the read: the first report is drawn.
type samplesDueMsg struct{}

// samplesMsg is the demo's session with its sample policies, and the
// token of inspection gen inspected with it.
type samplesMsg struct {
	gen     int
	session inspect.Session
	report  *inspect.Report
}

// samplesCmd adds the sample policies to s (add is Config.DemoSamples)
// and inspects input with them, network-free like inspectCmd.
func samplesCmd(gen int, add func(inspect.Session) inspect.Session, s inspect.Session, input []byte) tea.Cmd {
	return func() tea.Msg {
		s = add(s)
		return samplesMsg{gen: gen, session: s, report: s.InspectOffline(context.Background(), input)}
	}
}

// openDemo makes the demo's session the one inspecting, building it the
// first time.
func (m *Model) openDemo() error {
	if m.demoSession == nil {
		s, err := m.cfg.DemoSession()
		if err != nil {
			return err
		}
		m.demoSession = &s
	}
	m.useSession(*m.demoSession)
	m.demo = true
	return nil
}

// askSamples marks the sample policies as on their way when the demo,
// just opened, lacks them; the first report starts the read
// (samplesAfterFrame).
func (m *Model) askSamples() {
	if m.demo && m.cfg.DemoSamples != nil && m.samples.phase == samplesUnasked {
		m.samples.phase = samplesWanted
	}
}

// samplesAfterFrame is, for the first report while the samples are
// wanted, the message that starts their read after its frame.
func (m *Model) samplesAfterFrame() tea.Cmd {
	if m.samples.phase != samplesWanted {
		return nil
	}
	m.samples.phase = samplesReading
	return func() tea.Msg { return samplesDueMsg{} }
}

// hold keeps msg for later while the sample policies load; ctrl+c still
// quits at once.
func (m *Model) hold(msg tea.Msg) bool {
	if !m.samples.loading() {
		return false
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlC {
		return false
	}
	m.samples.held = append(m.samples.held, msg)
	return true
}

// readSamples starts the read into the demo's own session, whatever the
// inspector's is by now (a policy file loaded before the demo opened may
// have landed meanwhile).
func (m Model) readSamples() tea.Cmd {
	if m.demoSession == nil {
		return nil
	}
	return samplesCmd(m.gen, m.cfg.DemoSamples, *m.demoSession, m.input)
}

// gotSamples keeps the demo's session with the samples and, while the
// demo shows, inspects with it: its report when nothing was inspected
// since the read started, else the token again. Then it plays the keys
// held meanwhile.
func (m Model) gotSamples(msg samplesMsg) (tea.Model, tea.Cmd) {
	held := m.samples.held
	m.samples = samplesState{phase: samplesLoaded}
	m.demoSession = &msg.session
	var cmd tea.Cmd
	if m.demo {
		m.useSession(msg.session)
		if msg.gen == m.gen {
			// A new generation drops the report without the samples,
			// should it still be on its way.
			m.gen++
			var next tea.Model
			next, cmd = m.gotReport(reportMsg{gen: m.gen, report: msg.report, offline: true})
			m = next.(Model)
		} else if m.input != nil {
			cmd = m.reinspect()
		}
	}
	var next tea.Model = m
	cmds := []tea.Cmd{cmd}
	for _, h := range held {
		var c tea.Cmd
		next, c = next.Update(h)
		cmds = append(cmds, c)
	}
	return next, tea.Batch(cmds...)
}
