package ui

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// FuzzModel drives the program with a script read from the fuzz input and
// checks every screen on the way. The first byte opens the inspector on a
// fixture or hostile token (demo keys and policies) or the paste screen;
// each later byte is one operation (see fuzzDriver.op). After every operation:
// no panic; View() holds no raw control, C1, bidi or zero-width character
// (the ASCII renderer emits no SGR, so any ESC is a defect); nothing copied
// (y, Y) holds a control, format, invisible or separator character, line
// breaks and tabs of our own conditions aside; and, from
// 20×20 up, no more lines than the terminal's height and no line wider than
// its width.
func FuzzModel(f *testing.F) {
	session := fuzzSession(f)
	starts := fuzzStartTokens(f)
	for _, s := range fuzzModelSeeds(f, len(starts)) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, script []byte) {
		if len(script) == 0 {
			return
		}
		d := newFuzzDriver(t, session, starts, script[0])
		d.check("start")
		for ops, rest := 0, script[1:]; len(rest) > 0 && ops < maxFuzzOps; ops++ {
			var what string
			var alive bool
			what, rest, alive = d.op(rest)
			if !alive {
				return
			}
			d.check(what)
		}
	})
}

// maxFuzzOps bounds one script so that an execution stays short.
const maxFuzzOps = 64

// fuzzKeys are the bindings of the KeyMap and the paste screen.
var fuzzKeys = []string{
	"j", "k", "tab", "shift+tab", "enter", "esc", "/", "y", "Y", "[", "]", "p", "n", "r", "?",
	"1", "2", "3", "4", "5", "g", "G", "pgup", "pgdown", "up", "down", " ",
	"backspace", "ctrl+u", "ctrl+d", "ctrl+o",
}

// Operation bytes; every other byte is a key of fuzzKeys or a letter.
// opType types one character: a following byte below 0x20 picks one of
// typedRunes, else a UTF-8 sequence is read, else the byte's own rune
// (0x80-0xff: the C1 controls and Latin-1).
const (
	opType   = 0xfc
	opPaste  = 0xfd // two bytes of length (little endian), then that many bytes pasted
	opResize = 0xfe // two bytes of width (1..300), one of height (1..100)
	opTick   = 0xff
)

// typedRunes are characters worth typing, one byte away for the mutator:
// "-" (stdin as a path), bidi, zero-width and other format characters,
// controls, wide and combining characters, and the wildcard and escape
// characters of the policy languages.
var typedRunes = [0x20]rune{
	'-', '\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u200d', '\u200f',
	'\ufeff', '\u2028', '\u0085', '\u009b', '\x1b', '\t', '\r', '\n',
	'\x7f', '\u0301', '日', '😀', '\u00ad', '\u061c', '\U000e0041', '\ufffd',
	'\\', '"', '*', '?', '\u3000', '\u00a0', '\U0001f1fa', ' ',
}

type fuzzDriver struct {
	t    *testing.T
	m    Model
	w, h int
	clip *bytes.Buffer // OSC 52 sequences the program wrote
}

// fuzzStartTokens are what the inspector can open on: the fixture tokens
// and the golden tests' hostile payload, signed with the demo key.
func fuzzStartTokens(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, tok := range testseeds.StaticTokens(tb) {
		out = append(out, []byte(tok))
	}
	return append(out, policytest.SignedDemo(tb, maliciousPayload, ""))
}

// fuzzSession is the demo's: embedded keys and sample policies, offline,
// at the fixed instant.
func fuzzSession(tb testing.TB) inspect.Session {
	tb.Helper()
	set := policyset.Loader{ReadFile: func(p string) ([]byte, error) {
		return fs.ReadFile(fixtures.Policies(), p)
	}}.Load(fixtures.DemoPolicies(), nil, nil)
	if set.Failed() {
		tb.Fatalf("demo policies: %+v", set.Failures())
	}
	return inspect.NewSession(demoOptions(tb)).WithPolicies(set)
}

// newFuzzDriver builds the model as the program does, sized 80×24. Init is
// not run: it starts the one-second clock; the inspection it starts is
// run here directly.
func newFuzzDriver(t *testing.T, s inspect.Session, starts [][]byte, first byte) *fuzzDriver {
	var input []byte
	if n := int(first) % (len(starts) + 1); n > 0 {
		input = starts[n-1]
	}
	demo := s
	clip := &bytes.Buffer{}
	m := New(Config{
		Session: s, Input: input, Renderer: asciiRenderer(), Now: fixedNow, Clipboard: clip,
		Getenv: func(string) string { return "" }, StaticCursor: true,
		DemoSession: func() (inspect.Session, error) { return demo, nil },
		DemoToken: func(time.Time) ([]byte, error) {
			tok, err := fixtures.Sign(fixtures.DefaultDemo, fixedNow())
			return []byte(tok), err
		},
		// The paste screen's file prompt never reaches the disk: every
		// path opens the first fixture token, except "missing".
		ReadFile: func(path string) ([]byte, error) {
			if path == "missing" {
				return nil, fs.ErrNotExist
			}
			return starts[0], nil
		},
	})
	d := &fuzzDriver{t: t, m: m, clip: clip}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.w, d.h = 80, 24
	if input != nil {
		d.exec(inspectCmd(d.m.gen, d.m.session, d.m.input))
	}
	return d
}

// op applies the operation at the start of script and returns its name,
// the rest of the script, and false once the program has quit.
func (d *fuzzDriver) op(script []byte) (string, []byte, bool) {
	b, rest := script[0], script[1:]
	switch b {
	case opType:
		if len(rest) == 0 {
			return "type (short)", nil, true
		}
		r, n := utf8.DecodeRune(rest)
		switch {
		case rest[0] < 0x20:
			r = typedRunes[rest[0]]
		case r == utf8.RuneError && n <= 1:
			r = rune(rest[0])
		}
		rest = rest[n:]
		if d.pathPrompt() && strings.ContainsRune(pathSeparators, r) {
			return fmt.Sprintf("type %q (skipped in a path prompt)", r), rest, true
		}
		return fmt.Sprintf("type %q", r), rest, d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	case opPaste:
		n := 0
		if len(rest) >= 2 {
			n, rest = int(binary.LittleEndian.Uint16(rest)), rest[2:]
		}
		n = min(n, len(rest))
		chunk := rest[:n]
		rest = rest[n:]
		if d.pathPrompt() {
			chunk = oneComponent(chunk)
		}
		return fmt.Sprintf("paste %q", chunk), rest, d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(chunk)), Paste: true})
	case opResize:
		if len(rest) < 3 {
			return "resize (short)", nil, true
		}
		d.w = 1 + int(binary.LittleEndian.Uint16(rest))%300
		d.h = 1 + int(rest[2])%100
		return fmt.Sprintf("resize %dx%d", d.w, d.h), rest[3:], d.send(tea.WindowSizeMsg{Width: d.w, Height: d.h})
	case opTick:
		// The clock's next tick is a one-second timer: not run.
		next, _ := d.m.Update(tickMsg(fixedNow()))
		d.m = next.(Model)
		return "tick", rest, true
	}
	k := int(b) % (len(fuzzKeys) + 26)
	var key string
	if k < len(fuzzKeys) {
		key = fuzzKeys[k]
	} else {
		key = string(rune('a' + k - len(fuzzKeys)))
	}
	if d.pathPrompt() && len(key) == 1 && strings.Contains(pathSeparators, key) {
		return "key " + key + " (skipped in a path prompt)", rest, true
	}
	return "key " + key, rest, d.send(teakey.Msg(key))
}

// pathPrompt: a prompt for a policy or token file path is open. Policy
// paths are read from the disk (Config.ReadFile is only for tokens), so
// what is typed there stays one path component without a dot: a name in
// ui/, where only testdata (a directory) has such a name, and never a
// file elsewhere. Anything else may be typed, "-" (stdin) included.
func (d *fuzzDriver) pathPrompt() bool {
	return d.m.prompt == promptPolicy || d.m.prompt == promptFile
}

const pathSeparators = `/\.`

func oneComponent(b []byte) []byte {
	var out []byte
	for _, c := range b {
		if !strings.ContainsRune(pathSeparators, rune(c)) {
			out = append(out, c)
		}
	}
	return out
}

// send delivers msg and runs what it starts; false once the program quit.
func (d *fuzzDriver) send(msg tea.Msg) bool {
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	return d.exec(cmd)
}

// exec runs cmd synchronously and feeds its messages back, as the program
// would. Only the clock is a timer, and it is never started here (Init is
// not run and a tick's follow-up is dropped), so nothing waits.
func (d *fuzzDriver) exec(cmd tea.Cmd) bool {
	if cmd == nil {
		return true
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.QuitMsg:
		return false
	case tea.BatchMsg:
		for _, c := range msg {
			if !d.exec(c) {
				return false
			}
		}
	case tickMsg, spinner.TickMsg:
		// Redraws only; the spinner's next frame is a timer.
	default:
		return d.send(msg)
	}
	return true
}

// check asserts the screen properties after the operation named what.
func (d *fuzzDriver) check(what string) {
	d.t.Helper()
	view := d.m.View()
	for i, r := range view {
		if rawControl(r) {
			d.t.Fatalf("after %s: raw %U at byte %d of the view:\n%s", what, r, i, view)
		}
	}
	d.checkClipboard(what)
	if d.w < 20 || d.h < 20 {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > d.h {
		d.t.Fatalf("after %s: %d lines on a %dx%d terminal:\n%s", what, len(lines), d.w, d.h, view)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > d.w {
			d.t.Fatalf("after %s: line %d is %d wide on a %dx%d terminal:\n%s", what, i, w, d.w, d.h, l)
		}
	}
}

// checkClipboard checks what the operation copied, then forgets it.
func (d *fuzzDriver) checkClipboard(what string) {
	d.t.Helper()
	if d.clip.Len() == 0 {
		return
	}
	// Line breaks and tabs may only be oidcscope's own: the lines of the
	// Markdown report (x, X), whose every outside string is escaped, or a
	// condition's, from a token whose every string is plain.
	lines := slices.Contains([]string{"key x", "key X", "type 'x'", "type 'X'"}, what) ||
		d.m.report != nil && d.m.report.Token != nil && plainValue(d.m.report.Token.Payload)
	for _, seq := range osc52Re.FindAllStringSubmatch(d.clip.String(), -1) {
		b, err := base64.StdEncoding.DecodeString(seq[1])
		if err != nil {
			d.t.Fatalf("after %s: OSC 52 payload is not base64: %v", what, err)
		}
		for i, r := range string(b) {
			if (r != '\n' && r != '\t' || !lines) && (rawControl(r) || escape.Unsafe(r)) {
				d.t.Fatalf("after %s: raw %U at byte %d of the copy %q", what, r, i, b)
			}
		}
	}
	d.clip.Reset()
}

// rawControl: what must never reach the terminal from a view: C0 controls
// but the line break (ESC included: the ASCII renderer writes no SGR),
// DEL, C1 controls, bidi embeddings, overrides and isolates, zero-width
// spaces, joiners and marks.
func rawControl(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n'
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r >= 0x200b && r <= 0x200f:
		return true
	}
	return false
}

// fuzzModelSeeds are scripts: a tour of every pane on each start token,
// and pastes of the hostile corpus and the fixtures on the paste screen.
func fuzzModelSeeds(tb testing.TB, starts int) [][]byte {
	tb.Helper()
	key := func(name string) byte {
		for i, k := range fuzzKeys {
			if k == name {
				return byte(i)
			}
		}
		tb.Fatalf("no fuzz key %q", name)
		return 0
	}
	letters := func(s string) []byte {
		var out []byte
		for _, c := range []byte(s) {
			out = append(out, byte(len(fuzzKeys))+c-'a')
		}
		return out
	}
	paste := func(b []byte) []byte {
		return append([]byte{opPaste, byte(len(b)), byte(len(b) >> 8)}, b...)
	}
	var seeds [][]byte
	tour := []byte{key("j"), key("enter"), key("esc"), key("2"), key("3"), key("4"), key("enter"), key("]"), key("Y"),
		key("esc"), key("5"), key("G"), key("pgup"), key("?"), key("pgdown"), key("?"), key("tab"), key("shift+tab"),
		opResize, 40, 0, 30, key("1"), key("/")}
	tour = append(tour, letters("sub")...)
	tour = append(tour, key("enter"), key("y"), opResize, 139, 0, 40, opTick, key("p"))
	tour = append(tour, letters("nopolicy")...)
	tour = append(tour, key("enter"), key("n"), key("esc"))
	for i := 1; i <= starts; i++ {
		seeds = append(seeds, append([]byte{byte(i)}, tour...))
	}
	pastes := testseeds.Small(append(testseeds.StaticTokenFiles(tb), testseeds.JSONTestSuite(tb)...))
	for _, b := range pastes {
		s := append([]byte{0}, paste(b)...)
		seeds = append(seeds, append(s, key("enter"), key("tab"), key("5"), opResize, 20, 0, 20, key("n"), key("ctrl+u")))
	}
	seeds = append(seeds,
		// Typed characters in the filter and in a policy prompt.
		[]byte{1, key("/"), opType, 'x', opType, 0xc3, 0xa9, opType, 0x85, key("enter"), key("esc"),
			key("p"), opType, 'x', key("enter"), key("4"), key("enter")},
		append(append([]byte{0, key("ctrl+o")}, letters("token")...), key("enter"), key("j"), key("y")),
		append(append([]byte{0, key("ctrl+o")}, letters("missing")...), key("enter"), key("ctrl+d"), key("n"), key("esc")),
		[]byte{0, opResize, 1, 0, 1, key("ctrl+d"), opResize, 255, 0, 99, key("4"), key("enter")},
		// y and Y down the hostile token's claims: every copy is checked.
		[]byte{byte(starts), key("y"), key("Y"), key("j"), key("y"), key("Y"), key("j"), key("y"), key("j"), key("y"),
			key("j"), key("y"), key("j"), key("y"), key("j"), key("y"), key("j"), key("y"), key("j"), key("y")},
	)
	return seeds
}
