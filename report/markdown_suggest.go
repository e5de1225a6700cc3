package report

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// mdSuggestions lists, for the claims a policy's failing conditions read,
// the conditions of that provider this token satisfies, ready to paste:
// the other half of "why does it deny?" is "what would let it in?".
func mdSuggestions(b *strings.Builder, r *inspect.Report, provider string, names []string) {
	var items []policy.Snippet
	for _, c := range r.Claims {
		if !slices.Contains(names, c.Name) {
			continue
		}
		for _, sn := range c.WouldSatisfy {
			if sn.Provider == provider {
				items = append(items, sn)
			}
		}
	}
	if len(items) == 0 {
		return
	}
	b.WriteString("Conditions this token satisfies instead (" + providerName(provider) + ", ready to paste):\n\n")
	mdSnippets(b, items)
}

// mdAllSuggestions lists, with no policy loaded, every provider's
// conditions this token satisfies, folded per provider.
func mdAllSuggestions(b *strings.Builder, r *inspect.Report) {
	byProvider := map[string][]policy.Snippet{}
	for _, c := range r.Claims {
		for _, sn := range c.WouldSatisfy {
			byProvider[sn.Provider] = append(byProvider[sn.Provider], sn)
		}
	}
	if len(byProvider) == 0 {
		return
	}
	b.WriteString("#### Conditions this token satisfies (ready to paste)\n\n")
	for _, p := range policy.Providers {
		items := byProvider[p]
		if len(items) == 0 {
			continue
		}
		b.WriteString("<details><summary>" + mdHTML(policy.ProviderName(p)) + "</summary>\n\n")
		mdSnippets(b, items)
		b.WriteString("</details>\n\n")
	}
}

func mdSnippets(b *strings.Builder, items []policy.Snippet) {
	for _, sn := range items {
		b.WriteString("- " + mdCode(sn.Claim))
		if sn.Note != "" {
			b.WriteString(": " + mdText(sn.Note))
		}
		b.WriteString("\n\n" + mdFence(sn.Text, "", "  ") + "\n")
	}
}
