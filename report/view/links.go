package view

import (
	"slices"

	"github.com/oidcscope/oidcscope/claims"
)

// Link is a page a claim leads to, escaped.
type Link struct {
	Name, URL, Note string // Name and Note are ours
	Claims          []string
}

// Links are r's links; with claim set, only those built from that claim
// (every link, for sub).
func Links(links []claims.Link, claim string) []Link {
	var out []Link
	for _, l := range links {
		if claim == "" || claim == "sub" || slices.Contains(l.Claims, claim) {
			out = append(out, Link{Name: l.Name, URL: shown(l.URL), Note: l.Note, Claims: l.Claims})
		}
	}
	return out
}
