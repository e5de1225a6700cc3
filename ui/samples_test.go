package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// samplesConfig is the demo as the command line starts it (--demo): the
// demo's session without its sample policies, which DemoSamples adds in
// the background. It counts the demo sessions built.
func samplesConfig(t *testing.T, input []byte) (Config, *int) {
	t.Helper()
	plain := inspect.NewSession(demoOptions(t))
	sampled := plain.WithPolicies(demoPolicySet(t))
	cfg, _ := testConfig(inspect.NewSession(demoOptions(t)), input)
	built := new(int)
	cfg.DemoSession = func() (inspect.Session, error) { *built++; return plain, nil }
	cfg.DemoSamples = func(inspect.Session) inspect.Session { return sampled }
	cfg.InputDemo = input != nil
	return cfg, built
}

// sampledConfig is the same demo with the samples in from the start, as
// before they were read in the background: what the screen must show
// once they come.
func sampledConfig(t *testing.T) Config {
	t.Helper()
	sampled := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	cfg, _ := testConfig(inspect.NewSession(demoOptions(t)), demoToken(t))
	cfg.DemoSession = func() (inspect.Session, error) { return sampled, nil }
	cfg.InputDemo = true
	return cfg
}

// loadingDemo starts cfg's program at w×h and delivers the token's first
// report, without the samples: the screen while they load. It returns
// that report and the samples' answer, not yet delivered.
func loadingDemo(t *testing.T, cfg Config, w, h int) (Model, reportMsg, samplesMsg) {
	t.Helper()
	m := send(t, New(cfg), tea.WindowSizeMsg{Width: w, Height: h})
	return demoReadStarted(t, m, m.Init())
}

// demoReadStarted runs open, the command that inspects the demo token
// (Init, or ctrl+d's), delivers its report and starts the samples' read:
// the model then, the report, and the samples' answer, not yet delivered.
func demoReadStarted(t *testing.T, m Model, open tea.Cmd) (Model, reportMsg, samplesMsg) {
	t.Helper()
	report, ok := only[reportMsg](results(open))
	if !ok {
		t.Fatal("the demo token is not inspected")
	}
	next, cmd := m.Update(report)
	m = next.(Model)
	// The read starts with a message, after the report's frame.
	due, ok := only[samplesDueMsg](results(cmd))
	if !ok {
		t.Fatal("the first report does not start the samples' read")
	}
	next, cmd = m.Update(due)
	samples, ok := only[samplesMsg](results(cmd))
	if !ok {
		t.Fatal("samplesDueMsg does not read the samples")
	}
	return next.(Model), report, samples
}

// only is the one message of type T among msgs.
func only[T tea.Msg](msgs []tea.Msg) (T, bool) {
	var found []T
	for _, msg := range msgs {
		if m, ok := msg.(T); ok {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		var zero T
		return zero, false
	}
	return found[0], true
}

// TestSamplesLoadingFrame: the demo's first frame comes from the token's
// report alone, while the sample policies load: it shows the verified
// token and says the policies are loading, and no tally, count or
// verdict of policies it has not evaluated.
func TestSamplesLoadingFrame(t *testing.T) {
	cfg, _ := samplesConfig(t, demoToken(t))
	m, _, _ := loadingDemo(t, cfg, 140, 40)
	if !m.samples.loading() {
		t.Fatal("the sample policies are not marked as loading")
	}
	view := m.View()
	status := strings.SplitN(view, "\n", 2)[0]
	contains(t, status, "✓ valid RS256")
	contains(t, status, "policies loading…")
	contains(t, view, " 4 Policies ")
	contains(t, view, "Policy conditions reading actor")
	contains(t, view, "the demo's sample policies are loading…")
	for _, verdict := range []string{"policies ✓", "Policies (", "✗"} {
		if strings.Contains(view, verdict) {
			t.Errorf("the loading frame shows %q:\n%s", verdict, view)
		}
	}
	assertSafe(t, view, 140, 40)
	golden.RequireEqual(t, []byte(view))

	// The policies pane says so too.
	m.pane = panePolicies
	m.refresh()
	contains(t, m.View(), "the demo's sample policies are loading…")
}

// TestSamplesReplaceTheLoadingFrame: once the sample policies come, the
// screen is the one the demo showed when they were read before the first
// frame, and a late answer for the report without them (a key fetch, say)
// does not take its place.
func TestSamplesReplaceTheLoadingFrame(t *testing.T) {
	want := start(t, sampledConfig(t), 140, 40).View()
	contains(t, want, "policies ✓8 ✗10")

	cfg, _ := samplesConfig(t, demoToken(t))
	m, report, samples := loadingDemo(t, cfg, 140, 40)
	m = send(t, m, samples)
	if got := m.View(); got != want {
		t.Errorf("with the samples in:\n%s\nwant, as when they were read first:\n%s", got, want)
	}
	if m.samples.loading() || m.session.PolicyCount() == 0 {
		t.Errorf("loading %v with %d policies after the samples came", m.samples.loading(), m.session.PolicyCount())
	}

	if got := send(t, m, report).View(); got != want {
		t.Errorf("the report without the samples, late:\n%s\nwant:\n%s", got, want)
	}
}

// TestKeysWhileSamplesLoad: keys pressed while the sample policies load
// are held, then act in order on the report with them: 4 and enter open
// the first policy as they do once the policies are in. ctrl+c does not
// wait.
func TestKeysWhileSamplesLoad(t *testing.T) {
	want := keys(t, start(t, sampledConfig(t), 140, 40), "4", "enter").View()

	cfg, _ := samplesConfig(t, demoToken(t))
	m, _, samples := loadingDemo(t, cfg, 140, 40)
	m = keys(t, m, "4", "enter")
	if m.pane != paneClaims || len(m.samples.held) != 2 {
		t.Fatalf("while loading: pane %s, %d keys held; want Claims and both keys held", paneNames[m.pane], len(m.samples.held))
	}
	m = send(t, m, samples)
	if !m.policyOpen || len(m.samples.held) != 0 {
		t.Errorf("after the samples: policy open %v, %d keys still held", m.policyOpen, len(m.samples.held))
	}
	if got := m.View(); got != want {
		t.Errorf("the held keys' screen:\n%s\nwant:\n%s", got, want)
	}

	m, _, _ = loadingDemo(t, cfg, 140, 40)
	if _, cmd := m.Update(teakey.Msg("ctrl+c")); !isQuit(cmd) {
		t.Error("ctrl+c while the samples load does not quit at once")
	}
}

func isQuit(cmd tea.Cmd) bool {
	for _, msg := range results(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

// TestDemoBuiltWhenShown: without --demo, the paste screen builds the
// demo's session only when ctrl+d opens it, and its sample policies load
// then, once: the second ctrl+d has them at once.
func TestDemoBuiltWhenShown(t *testing.T) {
	cfg, built := samplesConfig(t, nil)
	m := start(t, cfg, 140, 40)
	if *built != 0 {
		t.Fatalf("the paste screen built %d demo sessions", *built)
	}
	next, cmd := m.Update(teakey.Msg("ctrl+d"))
	m = next.(Model)
	if *built != 1 || !m.samples.loading() || !m.demo {
		t.Fatalf("ctrl+d: %d demo sessions built, samples loading %v, demo %v", *built, m.samples.loading(), m.demo)
	}
	m = run(t, m, cmd)
	contains(t, m.View(), "policies ✓8 ✗10")

	m = keys(t, m, "n", "ctrl+d")
	if *built != 1 || m.samples.loading() {
		t.Errorf("the second ctrl+d: %d demo sessions built, samples loading %v", *built, m.samples.loading())
	}
	contains(t, m.View(), "policies ✓8 ✗10")
}

// TestSamplesSurviveASessionSwap: a policy file loaded before the demo
// opened may land while its samples load, its read begun in another
// session. The samples are still read into the demo's own session; the
// file waits for them and is then read into the demo's session too, so
// the demo shows both, whichever came first.
func TestSamplesSurviveASessionSwap(t *testing.T) {
	samplesCount := demoPolicySet(t).Len()
	// The file was loaded into another session: one policy of its own.
	otherPath := "../fixtures/policies/aws/trust-deny-pull-requests.json"
	one := policyset.Loader{}.Load([]string{otherPath}, nil, nil)
	other := policiesMsg{session: inspect.NewSession(demoOptions(t)).WithPolicies(one), path: otherPath, sessionGen: -1}
	for _, order := range []string{"before the read starts", "during the read"} {
		cfg, _ := samplesConfig(t, demoToken(t))
		cfg.DemoSamples = func(s inspect.Session) inspect.Session { // as the command line's does
			given, _ := s.Policies().(*policyset.Set)
			return s.WithPolicies(given.Merge(demoPolicySet(t)))
		}
		m := send(t, New(cfg), tea.WindowSizeMsg{Width: 140, Height: 40})
		report, _ := only[reportMsg](results(m.Init()))
		next, cmd := m.Update(report)
		m = next.(Model)
		due, _ := only[samplesDueMsg](results(cmd))
		var samples samplesMsg
		if order == "before the read starts" {
			next, _ = m.Update(other)
			m = next.(Model)
			next, cmd = m.Update(due)
			samples, _ = only[samplesMsg](results(cmd))
			m = next.(Model)
		} else {
			next, cmd = m.Update(due)
			samples, _ = only[samplesMsg](results(cmd))
			next, _ = next.Update(other)
			m = next.(Model)
		}
		m = send(t, m, samples)
		if got := m.session.PolicyCount(); got != samplesCount+1 || m.samples.loading() {
			t.Errorf("%s: once the samples came the demo has %d policies (loading %v), want the %d samples and the file's one", order, got, m.samples.loading(), samplesCount)
		}
		if view := m.View(); !strings.Contains(view, "policies ✓9 ✗10") {
			t.Errorf("%s: once the samples came:\n%s", order, view)
		}
	}
}
