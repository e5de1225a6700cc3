package report

import (
	"html"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// mdAllSuggestions lists, with no policy loaded, every provider's
// conditions this token satisfies, folded per provider.
func mdAllSuggestions(b *strings.Builder, r *inspect.Report) {
	groups := view.AllSuggestions(r)
	if len(groups) == 0 {
		return
	}
	b.WriteString("#### Conditions this token satisfies (ready to paste)\n\n")
	for _, items := range groups {
		b.WriteString("<details><summary>" + html.EscapeString(items[0].ProviderName) + "</summary>\n\n")
		mdSnippets(b, items)
		b.WriteString("</details>\n\n")
	}
}

func mdSnippets(b *strings.Builder, items []view.Snippet) {
	for _, sn := range items {
		switch {
		case sn.Claim == "": // a fix to the document as a whole
			b.WriteString("- " + mdEscaped(sn.Note))
		case sn.Note != "":
			b.WriteString("- " + codeSpan(sn.Claim, false) + ": " + mdEscaped(sn.Note))
		default:
			b.WriteString("- " + codeSpan(sn.Claim, false))
		}
		b.WriteString("\n\n" + mdFenced(sn.Text, "", "  ") + "\n")
	}
}
