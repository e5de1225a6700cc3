package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/tokendiff"
	"github.com/oidcscope/oidcscope/verify"
)

// writeDiffText lays the comparison out: the two tokens, every policy's
// two verdicts with the conditions that flip (the answer), then the checks
// and claims that differ (the why). Every string from a token, a policy or the command line is
// escaped.
func writeDiffText(s streams, sides [2]diffSide, d tokendiff.Diff) error {
	st := view.NewPalette(textRenderer(s), view.ANSIScheme)
	var b strings.Builder
	b.WriteString(st.Title.Render("oidcscope diff") + " · A " + escape.Text(sides[0].label) + " · B " + escape.Text(sides[1].label) + "\n")

	b.WriteString("\n" + st.Title.Render("Tokens") + "\n")
	for i, sd := range sides {
		b.WriteString("  " + "AB"[i:i+1] + "  " + diffTokenLine(st, sd.report) + "\n")
	}

	flips := len(d.Flips())
	b.WriteString("\n" + st.Title.Render("Policies") + st.Dim.Render(fmt.Sprintf(" (%d, %d flipped)", len(d.Verdicts), flips)) + "\n")
	if len(d.Verdicts) == 0 {
		b.WriteString("  " + st.Dim.Render("no policy loaded (--policy, --policy-dir)") + "\n")
	}
	for _, v := range d.Verdicts {
		sep := "="
		if v.Flipped {
			sep = "→"
		}
		name := escape.Text(v.Source)
		if v.Name != v.Source {
			name = escape.Text(v.Name) + "  " + name
		}
		fmt.Fprintf(&b, "  %s %s %s  %s  %s\n", st.Render(view.VerdictMark(v.A)), sep, st.Render(view.VerdictMark(v.B)), escape.Text(v.Provider), name)
		view.WriteFlippedConditions(&b, st, v.Conditions)
	}
	b.WriteString("\n" + st.Title.Render("Claims that differ") + st.Dim.Render(fmt.Sprintf(" (%d; iat, nbf, exp and jti are left out)", len(d.Claims))) + "\n")
	width := 0
	for _, c := range d.Claims {
		width = max(width, len(escape.Text(c.Name)))
	}
	for _, c := range d.Claims {
		fmt.Fprintf(&b, "  %-*s  %s  →  %s\n", width, escape.Text(c.Name), diffValue(st, c.A), diffValue(st, c.B))
	}
	if len(d.Claims) == 0 {
		b.WriteString("  " + st.Dim.Render("none") + "\n")
	}

	if len(d.Checks) > 0 {
		b.WriteString("\n" + st.Title.Render("Checks that differ") + "\n")
		for _, c := range d.Checks {
			fmt.Fprintf(&b, "  %-9s  %s → %s\n", escape.Text(c.Name), st.Render(view.CheckMark(c.A)), st.Render(view.CheckMark(c.B)))
			fmt.Fprintf(&b, "      A: %s\n      B: %s\n", escape.Text(c.ADetail), escape.Text(c.BDetail))
		}
	}

	if _, err := io.WriteString(s.out, b.String()); err != nil {
		return failf("writing the report: %w", err)
	}
	return nil
}

// diffTokenLine is what one side is: its kind, issuer and signature, and
// its sub, or why there is no token.
func diffTokenLine(st view.Palette, r *inspect.Report) string {
	if r.Token == nil {
		why := "no token"
		if ps := view.Problems(r); len(ps) > 0 {
			why += ": " + ps[0].Message
		}
		return st.Render(view.Mark{Tone: view.ToneFail, Symbol: "✗", Word: why})
	}
	h := view.HeadlineOf(r)
	line := h.Kind
	if h.Alg != "" {
		line += " · " + h.Alg
	}
	line += "  " + st.Render(view.SignatureOf(r).Mark)
	if h.HasSubject {
		line += "  sub " + h.Subject
	}
	return line
}

// diffValue is a claim's JSON text, escaped, or "(absent)".
func diffValue(st view.Palette, v string) string {
	if v == "" {
		return st.Dim.Render("(absent)")
	}
	return escape.Text(v)
}

// diffJSON is the comparison in the oidcscope/v1 contract: each token's
// summary, then tokendiff's claims, checks and verdicts.
type diffJSON struct {
	Schema string         `json:"schema"`
	A      diffJSONSide   `json:"a"`
	B      diffJSONSide   `json:"b"`
	Diff   tokendiff.Diff `json:"diff"`
	Flips  int            `json:"flipped"`
}

type diffJSONSide struct {
	Source    string        `json:"source"` // file, "stdin" or "the token argument"
	Kind      string        `json:"kind"`   // "" without a token
	Signature verify.Status `json:"signature"`
	Sub       *string       `json:"sub,omitempty"`
	ExitCode  int           `json:"exit_code"` // what inspect would exit with for this token alone
	Errors    []string      `json:"errors"`
}

func writeDiffJSON(s streams, sides [2]diffSide, d tokendiff.Diff) error {
	side := func(sd diffSide) diffJSONSide {
		r := sd.report
		out := diffJSONSide{Source: sd.label, Kind: string(r.Kind()), Signature: r.Verify.Signature.Status, ExitCode: r.ExitCode(), Errors: []string{}}
		if r.Token != nil {
			if sub, ok := r.Token.Payload.Str("sub"); ok {
				out.Sub = &sub
			}
		}
		if out.Signature == "" {
			out.Signature = verify.StatusUnverified
		}
		for _, e := range r.Errors {
			out.Errors = append(out.Errors, e.Stage+": "+e.Err.Error())
		}
		return out
	}
	doc := diffJSON{Schema: inspect.Schema, A: side(sides[0]), B: side(sides[1]), Diff: d, Flips: len(d.Flips())}
	return writeJSONDoc(s, doc)
}
