package cli

import (
	"fmt"
	"io"
	"slices"
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
// escaped. loaded is the number of policies given, so that a comparison
// with a side that is no token never reads as one without policies.
func writeDiffText(s streams, sides [2]diffSide, d tokendiff.Diff, loaded int) error {
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
		b.WriteString("  " + st.Dim.Render(noVerdicts(sides, loaded)) + "\n")
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
	if not := notTokens(sides); not != "" {
		// Every claim of the other side would "differ": noise, not an answer.
		b.WriteString("\n" + st.Title.Render("Claims that differ") + "\n  " + st.Dim.Render("not compared: "+not) + "\n")
		return writeDiffDoc(s, b.String())
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

	return writeDiffDoc(s, b.String())
}

func writeDiffDoc(s streams, text string) error {
	if _, err := io.WriteString(s.out, text); err != nil {
		return failf("writing the report: %w", err)
	}
	return nil
}

// noVerdicts says why no policy was compared: none was given, or it was
// but a side has no claims to evaluate it against.
func noVerdicts(sides [2]diffSide, loaded int) string {
	if loaded == 0 {
		return "no policy loaded (--policy, --policy-dir)"
	}
	what := fmt.Sprintf("%d %s loaded, ", loaded, plural(loaded, "policy", "policies"))
	if not := notTokens(sides); not != "" {
		return what + "not evaluated: " + not
	}
	return what + "none evaluated against both tokens"
}

// notTokens is "A is not a token", "B is …" or "A and B are not tokens";
// "" when both sides are tokens.
func notTokens(sides [2]diffSide) string {
	var not []string
	for i, sd := range sides {
		if notToken(sd.report) != "" {
			not = append(not, "AB"[i:i+1])
		}
	}
	switch len(not) {
	case 0:
		return ""
	case 1:
		return not[0] + " is not a token"
	}
	return "A and B are not tokens"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// diffTokenLine is what one side is: its kind, issuer and signature, and
// its sub, or why there is no token (inspect's problems with the input).
func diffTokenLine(st view.Palette, r *inspect.Report) string {
	if r.Token == nil {
		why := "no token"
		if ps := view.Problems(r); len(ps) > 0 {
			why += ": " + ps[0].Message
		}
		return st.Render(view.Mark{Tone: view.ToneFail, Symbol: "✗", Word: why})
	}
	if why := notToken(r); why != "" {
		return view.HeadlineOf(r).Kind + "  " + st.Render(view.Mark{Tone: view.ToneFail, Symbol: "✗", Word: "not a token: " + why})
	}
	h := view.HeadlineOf(r)
	line := h.Kind
	if h.Alg != "" {
		line += " · " + h.Alg
	}
	line += "  " + st.Render(view.SignatureOf(r).Mark)
	for _, c := range failedTimeChecks(r) {
		line += "  " + st.Render(c)
	}
	if h.HasSubject {
		line += "  sub " + h.Subject
	}
	return line
}

// failedTimeChecks are marks ("✗ exp") for the checks of the validity
// period (exp, nbf, iat) that inspect's report failed, in its order: a
// signature that verifies on such a token is genuine but the token is not
// usable, and a check failing on both sides is in no "Checks that differ".
func failedTimeChecks(r *inspect.Report) []view.Mark {
	var marks []view.Mark
	for i, c := range view.Checks(r) {
		if r.Verify.Checks[i].Status == verify.Fail && slices.Contains([]string{"exp", "nbf", "iat"}, r.Verify.Checks[i].Name) {
			marks = append(marks, view.Mark{Tone: c.Mark.Tone, Symbol: c.Mark.Symbol, Word: c.Name})
		}
	}
	return marks
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
	Source string `json:"source"` // file, "stdin" or "the token argument"
	Kind   string `json:"kind"`   // "" without a token; "claims" for a simulated report's
	// Unsigned (added to v1; absent for a token): the side was an
	// oidcscope report of claims nobody signed, "simulated" or "edited".
	Unsigned  string        `json:"unsigned,omitempty"`
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
		if r.Unsigned != "" {
			out.Kind, out.Unsigned = "claims", string(r.Unsigned) // as the report's input.kind says
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
