package cli

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/providererrors"
)

// TestREADMEListsEveryProviderError: the README's "Paste the error"
// section lists every catalogued message, by its code or its title, and
// is the list pasteTheErrorList generates (so a new entry fails here until
// the README lists it).
func TestREADMEListsEveryProviderError(t *testing.T) {
	section := readmeSection(t, "Paste the error")
	for _, e := range providererrors.Catalogue() {
		if !strings.Contains(section, "`"+e.ID+"`") || (e.Code == "" || !strings.Contains(section, e.Code)) && !strings.Contains(section, markdownCell(e.Title)) {
			t.Errorf("README \"Paste the error\" does not list %s (%s %q)", e.ID, e.Code, e.Title)
		}
	}
	if list := pasteTheErrorList(); !strings.Contains(section, list) {
		t.Errorf("README \"Paste the error\" is not the generated list; it should hold:\n%s", list)
	}
}

// pasteTheErrorList is the README's list of the recognised messages, one
// table per provider in the catalogue's order.
func pasteTheErrorList() string {
	var b strings.Builder
	provider := ""
	for _, e := range providererrors.Catalogue() {
		if e.Provider != provider {
			provider = e.Provider
			b.WriteString("\n**" + policy.InfoOf(provider).Name + "**\n\n")
			b.WriteString("| Entry | Code | Message | What it means |\n|---|---|---|---|\n")
		}
		code := ""
		if e.Code != "" {
			code = codeSpan(e.Code)
		}
		b.WriteString("| " + codeSpan(e.ID) + " | " + code + " | " + codeSpan(strings.Join(strings.Fields(e.Text), " ")) + " | " + markdownCell(e.Title) + " |\n")
	}
	return b.String()
}

// codeSpan is s as a Markdown code span that survives the backticks in s
// and the table's pipes.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

// markdownCell is plain text made safe for a table cell.
func markdownCell(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(s)
}
