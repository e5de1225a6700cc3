package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// newPalette is the text report's palette, built from a renderer bound to
// the output so colour follows that writer (off for pipes, off with
// NO_COLOR), in the 16 ANSI colours, which follow the terminal's theme.
func newPalette(r *lipgloss.Renderer) view.Palette { return view.NewPalette(r, view.ANSIScheme) }

// Text writes the human report. The renderer decides colours; pass
// lipgloss.NewRenderer(w) for a terminal.
func Text(w io.Writer, r *inspect.Report, rend *lipgloss.Renderer) error {
	st := newPalette(rend)
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
	textProviderErrors(&b, r, st) // what the user came with leads
	textProblems(&b, r, st)
	if r.Token != nil {
		textSignature(&b, r, st)
		textChecks(&b, r, st)
		textPolicies(&b, r, st)
		textHeader(&b, r.Token, st)
		textClaims(&b, r, st, spill)
		textSubject(&b, view.SubjectOf(r.Subject), st)
		textLinks(&b, view.Links(r.Links, ""), st)
	}
	spill()
	return err
}

func textHeadline(b *strings.Builder, r *inspect.Report, st view.Palette) {
	h := view.HeadlineOf(r)
	b.WriteString(st.Title.Render("oidcscope"))
	if r.Token != nil {
		b.WriteString(" · " + h.Kind)
		if h.Alg != "" {
			b.WriteString(" · " + h.Alg)
		}
		if h.HasIssuer {
			b.WriteString(" · " + h.Issuer)
		}
		if h.ProfileName != "" {
			b.WriteString(" · " + h.Profile())
		}
	}
	b.WriteString("\n")
	if len(h.Stripped) > 0 {
		b.WriteString(st.Dim.Render("removed from the paste: "+strings.Join(h.Stripped, ", ")) + "\n")
	}
	if r.AtFixed {
		b.WriteString(st.Dim.Render("time claims evaluated at "+r.At.Format(time.RFC3339)+" (--at)") + "\n")
	}
	for _, n := range h.Notes() {
		b.WriteString(st.Warn.Render("note: ") + n + "\n")
	}
}

func textProblems(b *strings.Builder, r *inspect.Report, st view.Palette) {
	ps := view.Problems(r)
	if len(ps) == 0 {
		return
	}
	b.WriteString("\n" + st.Title.Render("Problems") + "\n")
	for _, p := range ps {
		b.WriteString("  " + st.Fail.Render("✗") + " " + st.Dim.Render(p.Stage+":") + " " + p.Message + "\n")
	}
}

func textSignature(b *strings.Builder, r *inspect.Report, st view.Palette) {
	sig := view.SignatureOf(r)
	b.WriteString("\n" + st.Title.Render("Signature") + "  " + st.Render(sig.Mark))
	if sig.Alg != "" {
		b.WriteString("  " + sig.Alg)
	}
	if sig.Kid != "" {
		b.WriteString("  kid " + sig.Kid)
	}
	b.WriteString("\n")
	if sig.HasKeys {
		b.WriteString("  " + st.Label.Render("keys") + "  " + sig.KeySource)
		if sig.KeyName != "" {
			b.WriteString(" " + sig.KeyName)
		}
		b.WriteString("\n")
	}
}

func textChecks(b *strings.Builder, r *inspect.Report, st view.Palette) {
	b.WriteString("\n" + st.Title.Render("Checks") + "\n")
	for _, c := range view.Checks(r) {
		fmt.Fprintf(b, "  %s  %-9s  %s\n", st.Render(c.Mark), c.Name, c.Detail)
	}
}

func textHeader(b *strings.Builder, t *decode.Token, st view.Palette) {
	if t.Header.Kind != decode.Object {
		return
	}
	b.WriteString("\n" + st.Title.Render("Header") + "\n")
	width := keyWidth(t.Header.Members)
	for _, m := range view.Members(t.Header.Members) {
		writeMember(b, m, width, st)
		b.WriteString("\n")
	}
}

// textClaims writes the claims, calling spill every so often to hand what
// is written so far to the output.
func textClaims(b *strings.Builder, r *inspect.Report, st view.Palette, spill func()) {
	// When the claims are not a clean JSON object, the raw payload is what
	// the reader needs to see what went wrong.
	if p := r.Token.PayloadBytes; len(p) > 0 && !payloadIsJSONObject(r.Token) {
		b.WriteString("\n" + st.Title.Render("Payload") + st.Dim.Render(fmt.Sprintf(" (%d bytes, not a JSON object; shown raw)", len(p))) + "\n  " + view.Raw(p) + "\n")
	}
	if r.Token.Payload.Kind != decode.Object || len(r.Claims) == 0 && !payloadIsJSONObject(r.Token) {
		return
	}
	b.WriteString("\n" + st.Title.Render("Claims") + st.Dim.Render(fmt.Sprintf(" (%d, in token order)", len(r.Claims))) + "\n")
	width := keyWidth(r.Token.Payload.Members)
	for i := range r.Claims {
		if i%256 == 255 {
			spill()
		}
		c := view.ClaimOf(r.Claims[i])
		// Duplicates are flagged among the highlights below.
		writeMember(b, view.Member{Key: c.Name, Value: c.Value}, width, st)
		if t := c.Time; t != nil {
			if t.Err != "" {
				b.WriteString("  " + st.Warn.Render(t.Err))
			} else {
				b.WriteString("  " + st.Dim.Render(t.Stamp()))
			}
		}
		writeClaimNotes(b, c, width, st)
		writeClaimConditions(b, c.Tally, width, st)
	}
}

func writeMember(b *strings.Builder, m view.Member, width int, st view.Palette) {
	pad := max(width-len(m.Key), 0)
	b.WriteString("  " + st.Label.Render(m.Key) + strings.Repeat(" ", pad) + "  " + m.Value)
	if m.Duplicate {
		b.WriteString("  " + st.Fail.Render("duplicate key"))
	}
}

func keyWidth(ms []decode.Member) int {
	w := 0
	for _, m := range ms {
		if l := len(view.Key(m.Key)); l > w && l <= 28 {
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
