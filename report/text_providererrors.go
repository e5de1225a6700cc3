package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// textProviderErrors leads the report with the providers' error messages
// found in the input: each with its entry, what the loaded policies of
// its provider say (on the message's values without a token, on the
// token with one) and what to paste next.
func textProviderErrors(b *strings.Builder, r *inspect.Report, st view.Palette) {
	errs := view.ReportedErrors(r)
	if len(errs) == 0 {
		return
	}
	b.WriteString("\n" + st.Title.Render("Provider errors") + st.Dim.Render(fmt.Sprintf(" (%d found in the input)", len(errs))) + "\n")
	var next []string
	for i, e := range errs {
		if i > 0 {
			b.WriteString("\n")
		}
		writeFoundError(b, st, e.Found)
		if len(e.Fits) > 0 {
			b.WriteString("\n" + st.Title.Render("The loaded policies on the values it carries") + "\n")
			writeFits(b, st, e.Fits, "quoted ")
		}
		if len(e.Failing) > 0 {
			b.WriteString("\n" + st.Title.Render("The policies behind it") + st.Dim.Render(" (this token, first failing condition; details under Policies)") + "\n")
			writeFits(b, st, e.Failing, "token ")
		}
		for _, n := range e.Next {
			if !slices.Contains(next, n) {
				next = append(next, n)
			}
		}
	}
	// Once for all: a log repeats the same advice for every message.
	if len(next) > 0 {
		b.WriteString("\n" + st.Title.Render("Paste next") + "\n")
		for _, n := range next {
			b.WriteString("  · " + n + "\n")
		}
	}
}

// writeFits lists each policy with its first difference; whose names
// the values' origin: the message's quote or the token.
func writeFits(b *strings.Builder, st view.Palette, fits []view.PolicyFit, whose string) {
	for _, f := range fits {
		line := "  " + st.Style(f.Mark.Tone).Render(fmt.Sprintf("%-11s", f.Mark.Text())) + " " + fmt.Sprintf("%-8s", f.Provider) + " " + f.Name
		if f.SourceDiffers {
			line += st.Dim.Render("  " + f.Source)
		}
		b.WriteString(line + "\n")
		if f.Expression != "" {
			b.WriteString("      " + st.Dim.Render("expects ") + f.Expression + "\n")
			actual := f.Actual
			if f.Absent {
				actual = st.Dim.Render("(absent)")
			}
			if len(f.Claims) > 0 {
				b.WriteString("      " + st.Dim.Render(whose+strings.Join(f.Claims, ", ")+": ") + actual + "\n")
			}
			for _, d := range f.Diagnosis {
				b.WriteString("      " + d + "\n")
			}
		}
		if f.Unknown > 0 {
			b.WriteString("      " + st.Dim.Render(fmt.Sprintf("%d more condition(s) on claims the message does not quote: undecided", f.Unknown)) + "\n")
		}
	}
}
