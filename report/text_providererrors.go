package report

import (
	"fmt"
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
	for i, e := range errs {
		if i > 0 {
			b.WriteString("\n")
		}
		writeFoundError(b, st, e.Found)
		if len(e.Fits) > 0 {
			b.WriteString("\n" + st.Title.Render("The loaded policies on the values it carries") + "\n")
			view.WriteFits(b, st, e.Fits, "quoted ", "  ", plain)
		}
		if len(e.Failing) > 0 {
			b.WriteString("\n" + st.Title.Render("The policies behind it") + st.Dim.Render(" (this token, first failing condition; details under Policies)") + "\n")
			view.WriteFits(b, st, e.Failing, "token ", "  ", plain)
		}
	}
	// Once for all: a log repeats the same advice for every message.
	if next := view.PasteNext(errs); len(next) > 0 {
		b.WriteString("\n" + st.Title.Render("Paste next") + "\n")
		for _, n := range next {
			b.WriteString("  · " + n + "\n")
		}
	}
}

// plain draws a name as it is (the terminal bolds it).
func plain(s ...string) string { return strings.Join(s, " ") }
