package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// MarkdownSection is one token's part of a Markdown report.
type MarkdownSection struct {
	Heading string // plain text, e.g. "Token for audience sts.amazonaws.com"
	Report  *inspect.Report
}

// Markdown writes a GitHub-flavoured Markdown report of one or more
// tokens, as a GitHub Actions step summary shows it: for each, the verdict
// first, then the policies that did not allow with their failing
// conditions, diagnoses and the conditions the token would satisfy
// instead, the checks, the sub anatomy and the claims. It never shows the
// token itself or its signature.
func Markdown(w io.Writer, sections ...MarkdownSection) error {
	var b strings.Builder
	b.WriteString("## oidcscope\n")
	for _, s := range sections {
		b.WriteString("\n### " + mdText(s.Heading) + "\n\n")
		mdSection(&b, s.Report)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MarkdownProblem writes a Markdown report of why no token could be
// inspected, with an optional snippet to paste (a permissions block).
func MarkdownProblem(w io.Writer, heading, problem, snippet, lang string) error {
	var b strings.Builder
	b.WriteString("## oidcscope\n\n### ❌ " + mdText(heading) + "\n\n" + mdText(problem) + "\n")
	if snippet != "" {
		b.WriteString("\n" + mdFence(strings.TrimSuffix(snippet, "\n"), lang, ""))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdSection(b *strings.Builder, r *inspect.Report) {
	if r.Token == nil {
		mdProblems(b, r)
		return
	}
	b.WriteString(mdVerdictLine(r) + "\n\n")
	mdOverview(b, r)
	mdProblems(b, r)
	mdPolicies(b, r)
	mdChecks(b, r)
	mdSubject(b, r.Subject)
	mdClaims(b, r)
	if len(r.Policies) == 0 {
		mdAllSuggestions(b, r)
	}
}

// mdOverview lists what a reader checks first: who issued the token, for
// whom, about what, whether it is genuine and until when.
func mdOverview(b *strings.Builder, r *inspect.Report) {
	t := r.Token
	item := func(label, value string) { b.WriteString("- **" + label + "** " + value + "\n") }
	if iss, ok := t.Payload.Str("iss"); ok {
		v := mdCode(iss)
		if r.Profile.ID != "" && r.Profile.ID != claims.GenericID {
			v += " (" + mdText(r.Profile.Name)
			if r.Profile.Variant != "" {
				v += ", " + mdText(r.Profile.Variant)
			}
			v += ")"
		}
		item("Issuer", v)
	}
	if aud, ok := t.Payload.Get("aud"); ok {
		item("Audience", codeSpan(ValueText(aud), false))
	}
	if sub, ok := t.Payload.Str("sub"); ok {
		item("Subject", mdCode(sub))
	}
	item("Signature", mdSignature(r.Verify.Signature))
	for _, c := range r.Claims {
		if c.Name == "exp" && c.Time != nil && c.Time.Err == nil {
			item("Expires", c.Time.UTC.Format(time.RFC3339)+" ("+mdText(c.Time.Relative)+")")
		}
	}
	var notes []string
	notes = append(append(notes, t.Input.Notes...), t.Notes...)
	for _, n := range append(notes, r.Notes...) {
		b.WriteString("\n> " + mdText(n) + "\n")
	}
	b.WriteString("\n")
}

// mdSignature draws the signature status: unverified has its own mark and
// is never drawn like a failure or a success.
func mdSignature(sig verify.Signature) string {
	var s string
	switch sig.Status {
	case verify.StatusValid:
		s = "✅ valid"
	case verify.StatusInvalid:
		s = "❌ invalid"
	case verify.StatusUnsupported:
		s = "➖ unsupported"
	default:
		s = "❔ unverified"
	}
	if sig.Alg != "" {
		s += " · " + mdText(sig.Alg)
	}
	if sig.Kid != "" {
		s += " · kid " + mdCode(sig.Kid)
	}
	if sig.KeySource != verify.SourceNone && sig.KeySource != "" {
		s += " · keys from " + string(sig.KeySource)
	}
	if sig.Status != verify.StatusValid && sig.Reason != "" {
		s += ": " + mdText(sig.Reason)
	}
	return s
}

func mdProblems(b *strings.Builder, r *inspect.Report) {
	if len(r.Errors) == 0 {
		return
	}
	b.WriteString("#### Problems\n\n")
	for _, e := range r.Errors {
		b.WriteString("- ❌ " + e.Stage + ": " + mdText(e.Err.Error()) + "\n")
	}
	b.WriteString("\n")
}

func mdChecks(b *strings.Builder, r *inspect.Report) {
	b.WriteString("#### Checks\n\n| Check | Result | Detail |\n|---|---|---|\n")
	for _, c := range r.Verify.Checks {
		mark := "➖ skip"
		switch c.Status {
		case verify.Pass:
			mark = "✅ pass"
		case verify.Fail:
			mark = "❌ fail"
		}
		b.WriteString("| " + c.Name + " | " + mark + " | " + mdText(c.Detail) + " |\n")
	}
	b.WriteString("\n")
}

// mdSubject takes sub apart as the text report does, as a table.
func mdSubject(b *strings.Builder, s *claims.Subject) {
	if s == nil {
		return
	}
	b.WriteString("#### Subject (" + mdText(s.Format) + " form)\n\n" + mdCode(s.Raw) + "\n\n")
	if len(s.Parts) > 0 {
		b.WriteString("| Part | Value | From claim |\n|---|---|---|\n")
		for _, p := range s.Parts {
			v := mdCell(p.Value)
			if p.Decoded != "" {
				v += " (" + mdCell(p.Decoded) + ")"
			}
			from := ""
			if p.FromClaim != "" {
				from = mdCell(p.FromClaim)
				if p.Agrees != nil && *p.Agrees {
					from += " ✅"
				} else if p.Agrees != nil {
					from += " ❌ differs"
				}
			}
			b.WriteString("| " + mdText(p.Key) + " | " + v + " | " + from + " |\n")
		}
		b.WriteString("\n")
	}
	if s.Unparsed != "" {
		b.WriteString("- not understood: " + mdCode(s.Unparsed) + "\n")
	}
	if s.Rule != "" {
		b.WriteString("- context rule: " + mdText(s.Rule) + "\n")
	}
	for _, c := range s.Contradictions {
		b.WriteString("- ❌ " + mdText(c) + "\n")
	}
	if s.Alternate != "" {
		b.WriteString("- other form " + mdCode(s.Alternate) + ": " + mdText(s.AlternateNote) + "\n")
	}
	for _, n := range s.Notes {
		b.WriteString("- note: " + mdText(n) + "\n")
	}
	b.WriteString("\n")
}

// mdClaims is the claims table, folded: the verdict and the policies come
// first, the claims are for looking things up.
func mdClaims(b *strings.Builder, r *inspect.Report) {
	if len(r.Claims) == 0 {
		return
	}
	highlighted := 0
	for _, c := range r.Claims {
		if mdBadges(c.Info.Highlights, c.Duplicate) != "" {
			highlighted++
		}
	}
	fmt.Fprintf(b, "<details><summary>Claims (%d, in token order; %d highlighted)</summary>\n\n", len(r.Claims), highlighted)
	b.WriteString("| Claim | Value | | Meaning |\n|---|---|---|---|\n")
	for _, c := range r.Claims {
		var meaning []string
		if c.Info.Entry != nil {
			meaning = append(meaning, mdText(c.Info.Entry.Summary))
		}
		for _, h := range c.Info.Highlights {
			if h.Reason != claims.ReasonPolicyRelevant && h.Detail != "" {
				meaning = append(meaning, "↳ "+mdText(h.Reason)+": "+mdText(h.Detail))
			}
		}
		if c.Time != nil && c.Time.Err == nil {
			meaning = append(meaning, c.Time.UTC.Format(time.RFC3339)+" ("+mdText(c.Time.Relative)+")")
		}
		b.WriteString("| " + mdCell(c.Name) + " | " + codeSpan(ValueText(c.Value), true) + " | " + mdBadges(c.Info.Highlights, c.Duplicate) + " | " + strings.Join(meaning, "<br>") + " |\n")
	}
	b.WriteString("\n</details>\n\n")
}

// mdBadges are the highlight badges of a claim, as the text report's.
func mdBadges(hs []claims.Highlight, dup bool) string {
	var out []string
	if dup {
		out = append(out, "❌ DUPLICATE")
	}
	for _, h := range hs {
		switch h.Reason {
		case claims.ReasonNew:
			out = append(out, "🆕 NEW")
		case claims.ReasonRisk:
			out = append(out, "⚠ RISK")
		case claims.ReasonUnknown:
			out = append(out, "❔ UNKNOWN")
		case claims.ReasonUser:
			out = append(out, "★")
		}
	}
	return strings.Join(out, " ")
}

// escapedJoin joins outside strings for prose.
func escapedJoin(xs []string, sep string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = escape.Text(x)
	}
	return mdEscaped(strings.Join(out, sep))
}
