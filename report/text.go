package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// styles is the text report's palette, built from a renderer bound to the
// output so colour follows that writer (off for pipes, off with NO_COLOR).
// It uses the 16 ANSI colours, which follow the terminal's own theme, so the
// CLI never has to query the terminal for its background.
type styles struct {
	title, label, dim, pass, fail, skip, unverified, warn     lipgloss.Style
	badgeNew, badgeRisk, badgeUnknown, badgePolicy, badgeUser lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	s := r.NewStyle()
	return styles{
		title:      s.Bold(true),
		label:      s.Foreground(lipgloss.Color("4")),
		dim:        s.Faint(true),
		pass:       s.Foreground(lipgloss.Color("2")).Bold(true),
		fail:       s.Foreground(lipgloss.Color("1")).Bold(true),
		skip:       s.Faint(true),
		unverified: s.Foreground(lipgloss.Color("3")).Bold(true),
		warn:       s.Foreground(lipgloss.Color("3")),
		// Highlights are not verdicts: a risk is drawn in yellow, not in
		// the red of a failed check.
		badgeNew:     s.Foreground(lipgloss.Color("6")).Bold(true),
		badgeRisk:    s.Foreground(lipgloss.Color("3")).Bold(true),
		badgeUnknown: s.Foreground(lipgloss.Color("5")).Bold(true),
		badgePolicy:  s.Foreground(lipgloss.Color("4")),
		badgeUser:    s.Foreground(lipgloss.Color("5")),
	}
}

// Text writes the human report. The renderer decides colours; pass
// lipgloss.NewRenderer(w) for a terminal.
func Text(w io.Writer, r *inspect.Report, rend *lipgloss.Renderer) error {
	st := newStyles(rend)
	var b strings.Builder
	// The report goes out in pieces: the claims of a 1 MiB token make
	// megabytes of text, which one buffer held whole at the program's
	// peak memory.
	var err error
	spill := func() {
		if err == nil && b.Len() > 0 {
			_, err = io.WriteString(w, b.String())
		}
		b.Reset()
	}
	textHeadline(&b, r, st)
	textProblems(&b, r, st)
	if r.Token != nil {
		textSignature(&b, r, st)
		textChecks(&b, r, st)
		textPolicies(&b, r, st)
		textHeader(&b, r.Token, st)
		textClaims(&b, r, st, spill)
		textSubject(&b, r.Subject, st)
		textLinks(&b, r.Links, st)
	}
	spill()
	return err
}

func textHeadline(b *strings.Builder, r *inspect.Report, st styles) {
	b.WriteString(st.title.Render("oidcscope"))
	if t := r.Token; t != nil {
		kind := strings.ToUpper(string(t.Kind))
		if t.Kind == decode.KindJSON {
			kind = "JWS JSON (" + t.Serialization + ")"
		}
		b.WriteString(" · " + kind)
		if alg := t.Alg(); alg != "" {
			b.WriteString(" · " + escape.Text(alg))
		}
		if iss, ok := t.Payload.Str("iss"); ok {
			b.WriteString(" · " + escape.Text(iss))
		}
		if r.Profile.ID != "" && r.Profile.ID != claims.GenericID {
			b.WriteString(" · " + r.Profile.Name)
			if r.Profile.Variant != "" {
				b.WriteString(" (" + r.Profile.Variant + ")")
			}
		}
	}
	b.WriteString("\n")
	if t := r.Token; t != nil && len(t.Input.Stripped) > 0 {
		b.WriteString(st.dim.Render("removed from the paste: "+strings.Join(t.Input.Stripped, ", ")) + "\n")
	}
	at := r.At.Format(time.RFC3339)
	if r.AtFixed {
		b.WriteString(st.dim.Render("time claims evaluated at "+at+" (--at)") + "\n")
	}
	var notes []string
	if t := r.Token; t != nil {
		notes = append(append(notes, t.Input.Notes...), t.Notes...)
	}
	for _, n := range append(notes, r.Notes...) {
		b.WriteString(st.warn.Render("note: ") + escape.Text(n) + "\n")
	}
}

func textProblems(b *strings.Builder, r *inspect.Report, st styles) {
	if len(r.Errors) == 0 {
		return
	}
	b.WriteString("\n" + st.title.Render("Problems") + "\n")
	for _, e := range r.Errors {
		b.WriteString("  " + st.fail.Render("✗") + " " + st.dim.Render(e.Stage+":") + " " + escape.Text(e.Err.Error()) + "\n")
	}
}

func textSignature(b *strings.Builder, r *inspect.Report, st styles) {
	sig := r.Verify.Signature
	b.WriteString("\n" + st.title.Render("Signature") + "  " + badge(sig.Status, st))
	if sig.Alg != "" {
		b.WriteString("  " + escape.Text(sig.Alg))
	}
	if sig.Kid != "" {
		b.WriteString("  kid " + escape.Text(sig.Kid))
	}
	b.WriteString("\n")
	if sig.KeySource != verify.SourceNone && sig.KeySource != "" {
		b.WriteString("  " + st.label.Render("keys") + "  " + string(sig.KeySource))
		if sig.KeyName != "" {
			b.WriteString(" " + escape.Text(sig.KeyName))
		}
		b.WriteString("\n")
	}
}

// badge draws the signature status. Unverified has its own colour and word:
// it must never look like a failure or a success.
func badge(s verify.Status, st styles) string {
	switch s {
	case verify.StatusValid:
		return st.pass.Render("✓ valid")
	case verify.StatusInvalid:
		return st.fail.Render("✗ invalid")
	case verify.StatusUnsupported:
		return st.unverified.Render("· unsupported")
	}
	return st.unverified.Render("? unverified")
}

func textChecks(b *strings.Builder, r *inspect.Report, st styles) {
	b.WriteString("\n" + st.title.Render("Checks") + "\n")
	for _, c := range r.Verify.Checks {
		var mark string
		switch c.Status {
		case verify.Pass:
			mark = st.pass.Render("✓ pass")
		case verify.Fail:
			mark = st.fail.Render("✗ fail")
		default:
			mark = st.skip.Render("- skip")
		}
		fmt.Fprintf(b, "  %s  %-9s  %s\n", mark, c.Name, escape.Text(c.Detail))
	}
}

func textHeader(b *strings.Builder, t *decode.Token, st styles) {
	if t.Header.Kind != decode.Object {
		return
	}
	b.WriteString("\n" + st.title.Render("Header") + "\n")
	width := keyWidth(t.Header.Members)
	for _, m := range t.Header.Members {
		writeMember(b, m.Key, m.Value, m.Duplicate, width, st)
		b.WriteString("\n")
	}
}

// textClaims writes the claims, calling spill every so often to hand what
// is written so far to the output.
func textClaims(b *strings.Builder, r *inspect.Report, st styles, spill func()) {
	// When the claims are not a clean JSON object, the raw payload is what
	// the reader needs to see what went wrong.
	if p := r.Token.PayloadBytes; len(p) > 0 && !payloadIsJSONObject(r.Token) {
		b.WriteString("\n" + st.title.Render("Payload") + st.dim.Render(fmt.Sprintf(" (%d bytes, not a JSON object; shown raw)", len(p))) + "\n  " + escape.Text(string(p)) + "\n")
	}
	if r.Token.Payload.Kind != decode.Object || len(r.Claims) == 0 && !payloadIsJSONObject(r.Token) {
		return
	}
	b.WriteString("\n" + st.title.Render("Claims") + st.dim.Render(fmt.Sprintf(" (%d, in token order)", len(r.Claims))) + "\n")
	width := keyWidth(r.Token.Payload.Members)
	for i, c := range r.Claims {
		if i%256 == 255 {
			spill()
		}
		// Duplicates are flagged among the highlights below.
		writeMember(b, c.Name, c.Value, false, width, st)
		if c.Time != nil {
			if c.Time.Err != nil {
				b.WriteString("  " + st.warn.Render(escape.Text(c.Time.Err.Error())))
			} else {
				b.WriteString("  " + st.dim.Render(c.Time.UTC.Format(time.RFC3339)+" ("+c.Time.Relative+")"))
			}
		}
		writeClaimNotes(b, c.Info, width, st)
		writeClaimConditions(b, c.Conditions, width, st)
	}
}

func writeMember(b *strings.Builder, key string, v decode.Value, dup bool, width int, st styles) {
	k := escape.Text(key)
	pad := width - len(k)
	if pad < 0 {
		pad = 0
	}
	b.WriteString("  " + st.label.Render(k) + strings.Repeat(" ", pad) + "  " + ValueText(v))
	if dup {
		b.WriteString("  " + st.fail.Render("duplicate key"))
	}
}

// ValueText shows strings bare (escaped) and everything else as compact
// JSON. A string that would read as another JSON type keeps its quotes, so
// "ref_protected": "true" is not mistaken for a boolean. The terminal UI
// shows values the same way.
func ValueText(v decode.Value) string {
	if v.Kind == decode.String && v.Text != "" && !json.Valid([]byte(v.Text)) {
		return escape.Text(v.Text)
	}
	js, err := v.MarshalJSON()
	if err != nil {
		return "?"
	}
	// JSON text already escapes C0 controls and backslashes; escape.JSON
	// adds the rest, so nested values are escaped once, JSON-style.
	return string(escape.JSON(js))
}

func keyWidth(ms []decode.Member) int {
	w := 0
	for _, m := range ms {
		if l := len(escape.Text(m.Key)); l > w && l <= 28 {
			w = l
		}
	}
	return w
}

// payloadIsJSONObject is false when the payload failed to parse as JSON or
// is not an object; duplicate keys and bad UTF-8 still count as an object.
func payloadIsJSONObject(t *decode.Token) bool {
	for _, e := range t.Errors {
		if e.Segment == "payload" && (errors.Is(e, decode.ErrNotJSON) || errors.Is(e, decode.ErrNotObject) ||
			errors.Is(e, decode.ErrTooDeep) || errors.Is(e, decode.ErrTrailingData)) {
			return false
		}
	}
	return t.Payload.Kind == decode.Object
}
