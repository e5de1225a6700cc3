package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
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
		mdProviderErrors(b, r)
		mdProblems(b, r)
		return
	}
	b.WriteString(mdVerdictLine(r) + "\n\n")
	mdProviderErrors(b, r)
	mdOverview(b, r)
	mdProblems(b, r)
	mdPolicies(b, r)
	mdChecks(b, r)
	mdSubject(b, view.SubjectOf(r.Subject))
	mdClaims(b, r)
	if len(r.Policies) == 0 {
		mdAllSuggestions(b, r)
	}
}

// mdOverview lists what a reader checks first: who issued the token, for
// whom, about what, whether it is genuine and until when.
func mdOverview(b *strings.Builder, r *inspect.Report) {
	h := view.HeadlineOf(r)
	item := func(label, value string) { b.WriteString("- **" + label + "** " + value + "\n") }
	if h.HasIssuer {
		v := codeSpan(h.Issuer, false)
		if h.ProfileName != "" {
			v += " (" + mdEscaped(h.ProfileName)
			if h.ProfileVariant != "" {
				v += ", " + mdEscaped(h.ProfileVariant)
			}
			v += ")"
		}
		item("Issuer", v)
	}
	if h.HasAudience {
		item("Audience", codeSpan(h.Audience, false))
	}
	if h.HasSubject {
		item("Subject", codeSpan(h.Subject, false))
	}
	item("Signature", mdSignature(view.SignatureOf(r)))
	for _, c := range r.Claims {
		if c.Name == "exp" && c.Time != nil && c.Time.Err == nil {
			t := view.ClaimOf(c).Time
			item("Expires", t.UTC.Format(time.RFC3339)+" ("+mdEscaped(t.Relative)+")")
		}
	}
	for _, n := range h.Notes() {
		b.WriteString("\n> " + mdEscaped(n) + "\n")
	}
	b.WriteString("\n")
}

// mdSignature draws the signature status: unverified has its own mark and
// is never drawn like a failure or a success.
func mdSignature(sig view.Signature) string {
	s := mdMark(sig.Mark)
	if sig.Alg != "" {
		s += " · " + mdEscaped(sig.Alg)
	}
	if sig.Kid != "" {
		s += " · kid " + codeSpan(sig.Kid, false)
	}
	if sig.HasKeys {
		s += " · keys from " + sig.KeySource
	}
	if sig.Status != verify.StatusValid && sig.Reason != "" {
		s += ": " + mdEscaped(sig.Reason)
	}
	return s
}

func mdProblems(b *strings.Builder, r *inspect.Report) {
	ps := view.Problems(r)
	if len(ps) == 0 {
		return
	}
	b.WriteString("#### Problems\n\n")
	for _, p := range ps {
		b.WriteString("- ❌ " + p.Stage + ": " + mdEscaped(p.Message) + "\n")
	}
	b.WriteString("\n")
}

func mdChecks(b *strings.Builder, r *inspect.Report) {
	b.WriteString("#### Checks\n\n| Check | Result | Detail |\n|---|---|---|\n")
	for _, c := range view.Checks(r) {
		b.WriteString("| " + c.Name + " | " + mdMark(c.Mark) + " | " + mdEscaped(c.Detail) + " |\n")
	}
	b.WriteString("\n")
}

// mdSubject takes sub apart as the text report does, as a table.
func mdSubject(b *strings.Builder, s *view.Subject) {
	if s == nil {
		return
	}
	b.WriteString("#### Subject (" + mdEscaped(s.Format) + " form)\n\n" + codeSpan(s.Raw, false) + "\n\n")
	if len(s.Parts) > 0 {
		b.WriteString("| Part | Value | From claim |\n|---|---|---|\n")
		for _, p := range s.Parts {
			v := codeSpan(p.Value, true)
			if p.Decoded != "" {
				v += " (" + codeSpan(p.Decoded, true) + ")"
			}
			from := ""
			if p.FromClaim != "" {
				from = codeSpan(p.FromClaim, true)
				if m, ok := p.AgreeMark(); ok && m.Tone == view.TonePass {
					from += " ✅"
				} else if ok {
					from += " ❌ differs"
				}
			}
			b.WriteString("| " + mdEscaped(p.Key) + " | " + v + " | " + from + " |\n")
		}
		b.WriteString("\n")
	}
	if s.Unparsed != "" {
		b.WriteString("- not understood: " + codeSpan(s.Unparsed, false) + "\n")
	}
	if s.Rule != "" {
		b.WriteString("- context rule: " + mdEscaped(s.Rule) + "\n")
	}
	for _, c := range s.Contradictions {
		b.WriteString("- ❌ " + mdEscaped(c) + "\n")
	}
	if s.Alternate != "" {
		b.WriteString("- other form " + codeSpan(s.Alternate, false) + ": " + mdEscaped(s.AlternateNote) + "\n")
	}
	for _, n := range s.Notes {
		b.WriteString("- note: " + mdEscaped(n) + "\n")
	}
	b.WriteString("\n")
}

// mdClaims is the claims table, folded: the verdict and the policies come
// first, the claims are for looking things up.
func mdClaims(b *strings.Builder, r *inspect.Report) {
	if len(r.Claims) == 0 {
		return
	}
	cs := make([]view.Claim, len(r.Claims))
	highlighted := 0
	for i := range r.Claims {
		cs[i] = view.ClaimOf(r.Claims[i])
		if mdBadges(cs[i]) != "" {
			highlighted++
		}
	}
	fmt.Fprintf(b, "<details><summary>Claims (%d, in token order; %d highlighted)</summary>\n\n", len(cs), highlighted)
	b.WriteString("| Claim | Value | | Meaning |\n|---|---|---|---|\n")
	for _, c := range cs {
		var meaning []string
		if c.Entry != nil {
			meaning = append(meaning, mdText(c.Entry.Summary))
		}
		for _, n := range c.Notes {
			if n.Detail != "" {
				meaning = append(meaning, "↳ "+mdEscaped(n.Reason)+": "+mdEscaped(n.Detail))
			}
		}
		if t := c.Time; t != nil && t.Err == "" {
			meaning = append(meaning, t.UTC.Format(time.RFC3339)+" ("+mdEscaped(t.Relative)+")")
		}
		b.WriteString("| " + codeSpan(c.Name, true) + " | " + codeSpan(c.Value, true) + " | " + mdBadges(c) + " | " + strings.Join(meaning, "<br>") + " |\n")
	}
	b.WriteString("\n</details>\n\n")
}

// mdBadges are the highlight badges of a claim, as the text report's.
func mdBadges(c view.Claim) string {
	var out []string
	if c.Duplicate {
		out = append(out, mdMark(view.DuplicateMark))
	}
	for _, m := range c.Flags() {
		out = append(out, mdMark(m))
	}
	return strings.Join(out, " ")
}
