package ui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/guard"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// fixedNow is the clock of every test: the static fixtures' instant.
func fixedNow() time.Time { return fixtures.StaticNow() }

// repoFile is a file of the repository, by its slash-separated path from
// the repository's root: fixtures and third-party vectors.
func repoFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func staticToken(t testing.TB, name string) []byte {
	t.Helper()
	return bytes.TrimSpace(repoFile(t, "fixtures/"+fixtures.StaticDir+"/"+name+".jwt"))
}

// demoOptions are what `oidcscope --demo` sets up: demo keys, offline, the
// expected issuer and audience, at the fixed instant.
func demoOptions(t testing.TB) inspect.Options {
	t.Helper()
	keys, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "(embedded demo JWKS)")
	if err != nil {
		t.Fatal(err)
	}
	return withProviders(inspect.Options{
		Keys: keys, Source: verify.Source{Offline: true}, At: fixedNow(),
		Issuer: "https://token.actions.githubusercontent.com", Audiences: []string{"sts.amazonaws.com"},
	})
}

// withProviders gives o what the command layer gives every session: every
// provider, for the conditions each claim satisfies, a policy loader, and
// its flags as the words for the settings messages point to.
func withProviders(o inspect.Options) inspect.Options {
	o.Providers = policyset.All()
	o.Source.Names = flagwords.Names
	o.LoadPolicies = func(loaded inspect.Policies, paths ...string) (inspect.Policies, []policy.Result) {
		set := policyset.Loader{}.Load(paths, nil, nil)
		prev, _ := loaded.(*policyset.Set)
		return prev.Merge(set), set.Failures()
	}
	// The command layer's unloader keeps failed documents apart; these
	// tests unload only parsed ones.
	o.UnloadPolicies = func(loaded inspect.Policies, source string) (inspect.Policies, int) {
		set, _ := loaded.(*policyset.Set)
		kept := slices.DeleteFunc(set.Policies(), func(p policy.Policy) bool { return p.Source() == source })
		out := policyset.FromPolicies(kept...)
		return out, set.Len() - out.Len()
	}
	return o
}

func demoPolicySet(t testing.TB) *policyset.Set {
	t.Helper()
	var paths []string
	for _, p := range fixtures.DemoPolicies() {
		paths = append(paths, filepath.Join("..", "fixtures", p))
	}
	set := policyset.Loader{}.Load(paths, nil, nil)
	if set.Failed() {
		t.Fatalf("demo policies: %+v", set.Failures())
	}
	return set
}

// asciiRenderer draws without colour, as the golden files are.
func asciiRenderer() *lipgloss.Renderer {
	return lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
}

// demoToken is the demo token, signed at the fixed instant.
func demoToken(t testing.TB) []byte {
	t.Helper()
	tok, err := fixtures.Sign(fixtures.DefaultDemo, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	return []byte(tok)
}

// testConfig is what every test's program starts from: session s on input
// (nil: the paste screen), no colour, the fixed clock, a clipboard buffer,
// no environment, a still cursor, no tmux, and the demo token for ctrl+d.
// A test sets what it is about (a clock, the environment) on top.
func testConfig(s inspect.Session, input []byte) (Config, *bytes.Buffer) {
	clip := &bytes.Buffer{}
	return Config{
		Session: s, Input: input, Renderer: asciiRenderer(), Now: fixedNow, Clipboard: clip,
		Getenv: func(string) string { return "" }, StaticCursor: true,
		TmuxBuffer: func([]byte) error { return errors.New("no tmux in tests") },
		DemoToken: func(time.Time) ([]byte, error) {
			tok, err := fixtures.Sign(fixtures.DefaultDemo, fixedNow())
			return []byte(tok), err
		},
	}, clip
}

// start runs cfg's program in a w×h terminal, its first inspection done.
func start(t testing.TB, cfg Config, w, h int) Model {
	t.Helper()
	m := send(t, New(cfg), tea.WindowSizeMsg{Width: w, Height: h})
	if cfg.Input != nil {
		m = run(t, m, m.Init())
	}
	return m
}

// newTestModel opens the inspector on input (or the paste screen for nil)
// with testConfig, already sized.
func newTestModel(t testing.TB, s inspect.Session, input []byte, w, h int) (Model, *bytes.Buffer) {
	t.Helper()
	cfg, clip := testConfig(s, input)
	return start(t, cfg, w, h), clip
}

// plainDemo is the demo token in the inspector at w×h, no policy loaded.
func plainDemo(t *testing.T, w, h int) Model {
	t.Helper()
	m, _ := newTestModel(t, inspect.NewSession(demoOptions(t)), demoToken(t), w, h)
	return m
}

// send delivers one message and runs what it starts.
func send(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, cmd := m.Update(msg)
	return run(t, next.(Model), cmd)
}

// run executes cmd and feeds its messages back, as the program would; the
// clock and the spinner, which only redraw, are left out, and so is quit.
func run(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for _, msg := range results(cmd) {
		switch msg.(type) {
		case tickMsg, spinner.TickMsg, tea.QuitMsg:
			continue
		}
		m = send(t, m, msg)
	}
	return m
}

// results runs cmd and the commands it batches, leaving out the timers
// (the clock, the spinner), which only wait and redraw. The others get a
// generous deadline, a guard against a hang rather than a timing check: a
// 1 MiB paste previewed under the race detector on a busy machine takes
// far longer than it does for a user.
func results(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isTimer(cmd) {
		return nil
	}
	msg, ok := guard.Within(10*time.Second, cmd)
	if !ok {
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, results(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// isTimer tells the commands made by tea.Tick and the spinner's Tick: the
// code behind every such command is the same function.
func isTimer(cmd tea.Cmd) bool {
	code := reflect.ValueOf(cmd).Pointer()
	return code == reflect.ValueOf(tea.Tick(time.Second, func(time.Time) tea.Msg { return nil })).Pointer() ||
		code == reflect.ValueOf(spinner.New().Tick).Pointer()
}

func keys(t testing.TB, m Model, ks ...string) Model {
	t.Helper()
	for _, k := range ks {
		m = send(t, m, teakey.Msg(k))
	}
	return m
}

// typeText sends each rune as a key press.
func typeText(t testing.TB, m Model, s string) Model {
	for _, r := range s {
		m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// selectClaim moves the cursor to the named claim with the filter.
func selectClaim(t testing.TB, m Model, name string) Model {
	t.Helper()
	m = keys(t, m, "/")
	m = typeText(t, m, name)
	m = keys(t, m, "enter")
	if c := m.selectedClaim(); c == nil || c.Name != name {
		t.Fatalf("could not select %s", name)
	}
	return m
}

var osc52Re = regexp.MustCompile(`\x1b\]52;c;([A-Za-z0-9+/=]*)\x07`)

// clipboard decodes the last OSC 52 sequence written.
func clipboard(t *testing.T, buf *bytes.Buffer) string {
	t.Helper()
	all := osc52Re.FindAllStringSubmatch(buf.String(), -1)
	if len(all) == 0 {
		t.Fatalf("no OSC 52 sequence in %q", buf.String())
	}
	b, err := base64.StdEncoding.DecodeString(all[len(all)-1][1])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func contains(t *testing.T, view, want string) {
	t.Helper()
	if !strings.Contains(view, want) {
		t.Errorf("view lacks %q:\n%s", want, view)
	}
}
