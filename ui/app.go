package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
)

// wideWidth: from this many columns the claims list and the claim detail
// stand side by side; below it, one pane at a time.
const wideWidth = 100

type screen int

const (
	screenPaste screen = iota
	screenInspector
)

// pane is what has the focus. Tab visits them in this order.
type pane int

const (
	paneClaims pane = iota
	paneDetail
	paneHeader
	paneSignature
	panePolicies
	paneRaw
	// paneErrors comes last so the 1-5 keys keep their panes; its tab,
	// drawn only when the paste holds a provider's error message, leads
	// the tabs line, so tab from Raw wraps round to it.
	paneErrors
	// paneCompare is the what-if's side-by-side, opened with = (it has
	// no tab, and tab passes it by).
	paneCompare
	paneCount
)

var paneNames = [paneCount]string{"Claims", "Detail", "Header", "Signature", "Policies", "Raw", "Errors", "Compare"}

// promptKind is what an open prompt asks for.
type promptKind int

const (
	promptNone promptKind = iota
	promptPolicy
	promptFile
	promptCopyToken
	promptEdit // a claim's new value (editprompt.go), or an added claim's
	promptAdd  // the name of a claim to add (addclaim.go)
)

// Model is the whole program's state.
type Model struct {
	cfg     Config
	st      Styles
	keys    KeyMap
	help    help.Model
	session inspect.Session
	// sessionGen counts the sessions the inspector has used (useSession):
	// a policy file read in one lands in whichever is used when it ends.
	sessionGen int
	demo       bool // the token shown is the demo's, inspected by demoSession
	// demoSession is the demo's, once it has shown (cfg.DemoSession);
	// samples is the background read of its sample policies (samples.go).
	demoSession *inspect.Session
	samples     samplesState

	width, height int
	screen        screen
	now           time.Time

	paste pasteModel

	input    []byte // the token text being inspected: a credential, kept in memory only
	report   *inspect.Report
	gen      int
	fetching bool
	// refetching: r asked for the keys again; the status line says how
	// that ended when the fetch's report comes (refetch.go).
	refetching bool
	// selectLoaded is the path p just loaded: the report that follows
	// puts the Policies cursor on its first policy (policyselect.go).
	selectLoaded string
	spin         spinner.Model

	pane      pane
	claimSel  int
	claimOff  int
	filter    textinput.Model
	list      *claimList // the claim list for report and filter, rebuilt by refresh
	filtering bool
	condSel   int // selected ready-to-paste condition of the selected claim
	// insteadSel is the selected condition the token satisfies instead of
	// the opened policy's failing ones (policycopy.go).
	insteadSel int
	policySel  int
	policyOff  int
	policyOpen bool
	// reachOpen shows the selected policy's "who can assume this" table
	// (reach) in place of its list; reach holds the table once computed.
	reachOpen bool
	reach     reachState
	// whatIf is the claims edited (e) over the token's own, u undoes.
	whatIf  whatIf
	editAt  int    // the member the edit prompt changes; -1 while adding
	addName string // the claim the edit prompt adds (a), "" for an edit
	// previous is the report of the token inspected before this one
	// (n): = compares the two while nothing is edited.
	previous *inspect.Report
	editPick int // the chosen value among promptChoices; -1 for none
	vp       viewport.Model
	vpWider  bool // the scrolling text has a line wider than vp
	// vpLines, its widest line and vpX are vp's text and sideways
	// scroll, which it keeps to itself: paneView marks where they are cut
	// (cutmarks.go).
	vpLines   []string
	vpLongest int
	vpX       int

	prompt        promptKind
	promptIn      textinput.Model
	promptChoices []string // what Tab found for the typed path
	flash         string
	flashError    bool
	showHelp      bool
}

// New builds the program's model.
func New(cfg Config) Model {
	cfg.defaults()
	m := Model{cfg: cfg, keys: DefaultKeyMap(), session: cfg.Session}
	m.st = NewStyles(cfg.Renderer)
	m.help = help.New()
	m.help.Styles.ShortKey = m.st.Label
	m.help.Styles.ShortDesc = m.st.Dim
	m.help.Styles.ShortSeparator = m.st.Dim
	m.spin = spinner.New(spinner.WithSpinner(spinner.Dot))
	m.filter = textinput.New()
	m.filter.Prompt = "/"
	m.filter.Placeholder = "claim name or value"
	m.promptIn = m.newInput()
	if cfg.StaticCursor {
		m.filter.Cursor.SetMode(cursor.CursorStatic)
	}
	m.vp = viewport.New(0, 0)
	m.vp.KeyMap = viewport.KeyMap{} // keys are routed by the model
	m.now = cfg.Now()
	m.paste = newPasteModel(cfg.DemoToken != nil)
	m.width, m.height = 80, 24
	if cfg.Input != nil {
		m.screen = screenInspector
		m.input = cfg.Input
		if cfg.InputDemo && cfg.DemoSession != nil {
			if err := m.openDemo(); err != nil {
				m.screen, m.input = screenPaste, nil
				m.paste.problem = err.Error()
			}
			m.askSamples()
		}
	}
	return m
}

// Init starts the clock and, with a token given, its inspection.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tickCmd()}
	if m.screen == screenInspector {
		cmds = append(cmds, inspectCmd(m.gen, m.session, m.input))
	}
	return tea.Batch(cmds...)
}

// Update routes messages: window and clock first, then async answers, then
// keys and the mouse to the screen that has them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.refresh()
		return m, nil
	case tickMsg:
		m.now = m.cfg.Now()
		m.retime()
		return m, tickCmd()
	case spinner.TickMsg:
		if !m.fetching {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case previewMsg:
		if msg.gen == m.paste.gen {
			m.paste.preview = msg.preview
			m.paste.errs = msg.errs
			m.paste.previewing = false
		}
		return m, nil
	case reportMsg:
		return m.gotReport(msg)
	case editedMsg:
		return m.gotEdited(msg)
	case reachMsg:
		return m.gotReach(msg)
	case policiesMsg:
		return m.gotPolicies(msg)
	case samplesDueMsg:
		return m, m.readSamples()
	case samplesMsg:
		return m.gotSamples(msg)
	case fileMsg:
		return m.gotFile(msg)
	case exportMsg:
		if msg.err != nil {
			m.setFlash("export failed: "+msg.err.Error(), true)
		} else {
			// The report is rendered like the screen: every outside
			// string in it is escaped already.
			return m, m.copyText(msg.what, msg.text, false)
		}
		return m, nil
	case copiedMsg:
		return m.gotCopied(msg)
	case tea.MouseMsg:
		if m.hold(msg) {
			return m, nil
		}
		return m.mouse(msg)
	case tea.KeyMsg:
		if m.hold(msg) {
			return m, nil
		}
		if m.oneByOne(msg) {
			return m.eachKey(msg)
		}
		if m.prompt != promptNone {
			return m.promptKey(msg)
		}
		if m.screen == screenPaste {
			return m.pasteKey(msg)
		}
		return m.inspectorKey(msg)
	}
	return m, nil
}

// startInspection inspects input: the network-free pass first, so the
// report appears at once, then the full one if keys must be fetched.
func (m *Model) startInspection(input []byte) tea.Cmd {
	m.gen++
	m.input = input
	m.screen = screenInspector
	if m.report != nil {
		m.previous = m.realReport()
	}
	m.report = nil
	m.fetching, m.refetching = false, false
	m.claimSel, m.claimOff, m.condSel, m.policySel, m.policyOff, m.insteadSel = 0, 0, 0, 0, 0, 0
	m.policyOpen, m.reachOpen = false, false
	m.whatIf = whatIf{gen: m.whatIf.gen + 1}
	m.pane = paneClaims
	m.filter.SetValue("")
	m.refresh()
	return inspectCmd(m.gen, m.session, input)
}

func (m Model) gotReport(msg reportMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	// A new paste holding a provider's error message opens on it; a
	// report for the same input (keys fetched, policies loaded) keeps the
	// pane the reader chose.
	if m.report == nil && len(msg.report.ProviderErrors) > 0 {
		m.pane = paneErrors
	}
	// While editing, the token's own report is the one beside the edited
	// claims (keys fetched, policies loaded).
	editing := m.editing()
	if m.whatIf.real != nil {
		m.whatIf.real = msg.report
	}
	if !editing {
		m.report = msg.report
	}
	m.now = m.cfg.Now()
	m.retime()
	var cmd tea.Cmd
	if msg.offline && m.session.Fetches(msg.report) {
		m.fetching = true
		cmd = tea.Batch(verifyCmd(m.gen, m.session, msg.report), m.spin.Tick)
	} else {
		m.fetching = false
	}
	if m.refetching && !msg.offline {
		m.refetching = false
		m.setFlash(refetched(msg.report, editing))
	}
	if m.selectLoaded != "" && !editing {
		m.selectPolicyFrom(m.selectLoaded)
		m.selectLoaded = ""
	}
	m.clampSelection()
	m, again := m.reachAgain()
	m.refresh()
	due := m.samplesAfterFrame()
	return m, tea.Batch(cmd, again, due)
}

func (m Model) gotPolicies(msg policiesMsg) (tea.Model, tea.Cmd) {
	if m.hold(msg) { // the demo's samples replace its session when they come
		return m, nil
	}
	if msg.sessionGen != m.sessionGen {
		// The inspector moved to another session (the demo, or a pasted
		// token's) while the file was read: read it into this one, or
		// the old session's keys and checks would judge the token shown.
		return m, loadPoliciesCmd(m.session, m.sessionGen, msg.path)
	}
	m.useSession(msg.session)
	m.setFlash(loadedSaying(msg.path, msg.load))
	if m.input == nil {
		return m, nil
	}
	m.pane = panePolicies
	m.selectLoaded = msg.path
	return m, m.reinspect()
}

func (m Model) gotFile(msg fileMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.paste.problem = msg.err.Error()
		return m, nil
	}
	m.paste.set(msg.data)
	m.paste.gen++
	return m, previewCmd(m.paste.gen, msg.data, m.session)
}

// useSession makes s the session inspecting from now on.
func (m *Model) useSession(s inspect.Session) {
	m.session = s
	m.sessionGen++
}

// retime evaluates the report's time checks at the clock's instant, as
// the countdown is, so no view shows a check the clock has overtaken.
func (m *Model) retime() {
	if m.report == nil {
		return
	}
	r := m.session.Retime(m.report, m.now)
	if r == m.report {
		return
	}
	if m.whatIf.real == m.report {
		m.whatIf.real = r // the token's own claims shown: still not edited
	}
	m.report = r
	// Only the panes that show times are drawn again: the Raw pane of a
	// 1 MiB token would cost a re-wrap every second for nothing.
	switch m.pane {
	case paneClaims, paneDetail, paneSignature:
		m.refresh()
	}
}

func (m *Model) setFlash(s string, isErr bool) {
	m.flash, m.flashError = s, isErr
}

// View draws the current screen.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.screen == screenPaste {
		return m.pasteView()
	}
	return m.inspectorView()
}

// newInput is a one-line prompt input.
func (m Model) newInput() textinput.Model {
	in := textinput.New()
	if m.cfg.StaticCursor {
		in.Cursor.SetMode(cursor.CursorStatic)
	}
	return in
}

func matches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }
