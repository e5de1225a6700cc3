package view

import (
	"fmt"
	"slices"
	"strings"
)

// WriteFits lays out each policy with its first difference, as the text
// report and the terminal both show them: the mark, the provider and the
// name (drawn by name: the terminal bolds it) on a line starting with
// indent, the condition, the values and the diagnosis four spaces
// further in. whose names the values' origin: the message's quote or the
// token. Every field is escaped already (PolicyFit).
func WriteFits(b *strings.Builder, st Palette, fits []PolicyFit, whose, indent string, name func(...string) string) {
	detail := indent + "    "
	var provs []string
	for _, f := range fits {
		provs = append(provs, f.Provider)
	}
	provW := ProviderColumn(provs)
	for _, f := range fits {
		line := indent + st.Style(f.Mark.Tone).Render(fmt.Sprintf("%-11s", f.Mark.Text())) + " " + fmt.Sprintf("%-*s", provW, f.Provider) + " " + name(f.Name)
		if f.SourceDiffers {
			line += st.Dim.Render("  " + f.Source)
		}
		b.WriteString(line + "\n")
		if f.Expression != "" {
			b.WriteString(detail + st.Dim.Render("expects ") + f.Expression + "\n")
			if len(f.Claims) > 0 {
				actual := f.Actual
				if f.Absent {
					actual = st.Dim.Render("(absent)")
				}
				b.WriteString(detail + st.Dim.Render(whose+strings.Join(f.Claims, ", ")+": ") + actual + "\n")
			}
			for _, d := range f.Diagnosis {
				b.WriteString(detail + d + "\n")
			}
		}
		if f.Unknown > 0 {
			b.WriteString(detail + st.Dim.Render(fmt.Sprintf("%d more condition(s) on claims the message does not quote: undecided", f.Unknown)) + "\n")
		}
	}
}

// PasteNext is what to paste next, once for all the errors: a log
// repeats the same advice for every message.
func PasteNext(errs []ReportedError) []string {
	var next []string
	for _, e := range errs {
		for _, n := range e.Next {
			if !slices.Contains(next, n) {
				next = append(next, n)
			}
		}
	}
	return next
}
