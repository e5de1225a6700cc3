package report

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// mdProviderErrors leads a section with the providers' error messages
// found in the input, as the text report does: each message with its
// catalogue entry, what the loaded policies of its provider say (on the
// message's values without a token, on the token with one), then what to
// paste next, once for all.
func mdProviderErrors(b *strings.Builder, r *inspect.Report) {
	errs := view.ReportedErrors(r)
	if len(errs) == 0 {
		return
	}
	fmt.Fprintf(b, "#### Provider errors (%d found in the input)\n\n", len(errs))
	for _, e := range errs {
		mdFoundError(b, e.Found)
		if len(e.Fits) > 0 {
			b.WriteString("The loaded policies on the values it carries:\n\n")
			mdFits(b, e.Fits, "quoted ")
		}
		if len(e.Failing) > 0 {
			b.WriteString("The policies behind it (this token, first failing condition; details under Policies):\n\n")
			mdFits(b, e.Failing, "token ")
		}
	}
	// Once for all: a log repeats the same advice for every message.
	if next := view.PasteNext(errs); len(next) > 0 {
		b.WriteString("Paste next:\n\n")
		for _, n := range next {
			b.WriteString("- " + mdEscaped(n) + "\n")
		}
		b.WriteString("\n")
	}
}

// mdFoundError is one message: its entry's heading, the line as found
// (a code span: it is the paste's text, hostile), the values it carries
// and the rest of the entry.
func mdFoundError(b *strings.Builder, f view.FoundError) {
	e := f.Entry
	b.WriteString("##### ❌ " + mdEscaped(e.Head()) + " · " + mdEscaped(e.Title) + "\n\n")
	fmt.Fprintf(b, "Line %d: %s\n\n", f.Line, codeSpan(f.Quoted, false))
	if len(f.Values) > 0 {
		b.WriteString("It carries:\n\n")
		for _, v := range f.Values {
			b.WriteString("- " + codeSpan(v.Label, false) + " " + codeSpan(v.Value, false) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("The provider's text: " + codeSpan(e.Text, false) + "\n\n" + mdEscaped(e.Meaning) + "\n\n")
	if len(e.Claims) > 0 {
		b.WriteString("- claims: " + mdCodeList(e.Claims) + "\n")
	}
	if len(e.Fields) > 0 {
		b.WriteString("- fields: " + mdCodeList(e.Fields) + "\n")
	}
	b.WriteString("\nWhat to check:\n\n")
	for i, c := range e.Check {
		fmt.Fprintf(b, "%d. %s\n", i+1, mdEscaped(c))
	}
	b.WriteString("\n*Source: " + mdEscaped(e.Source) + "*\n\n")
}

func mdCodeList(shown []string) string {
	out := make([]string, len(shown))
	for i, s := range shown {
		out[i] = codeSpan(s, false)
	}
	return strings.Join(out, ", ")
}

// mdFits lists each policy with its first difference; whose names the
// values' origin: the message's quote or the token.
func mdFits(b *strings.Builder, fits []view.PolicyFit, whose string) {
	for _, f := range fits {
		line := "- " + mdMark(f.Mark) + " · " + mdEscaped(f.Provider) + " · " + codeSpan(f.Name, false)
		if f.SourceDiffers {
			line += " from " + codeSpan(f.Source, false)
		}
		b.WriteString(line + "\n")
		if f.Expression != "" {
			b.WriteString("  - expects " + codeSpan(f.Expression, false) + "\n")
			if len(f.Claims) > 0 {
				actual := codeSpan(f.Actual, false)
				if f.Absent {
					actual = "*(absent)*"
				}
				b.WriteString("  - " + whose + mdEscaped(strings.Join(f.Claims, ", ")) + ": " + actual + "\n")
			}
			mdDiagnosis(b, f.Diagnosis)
		}
		if f.Unknown > 0 {
			fmt.Fprintf(b, "  - %d more condition(s) on claims the message does not quote: undecided\n", f.Unknown)
		}
	}
	b.WriteString("\n")
}
