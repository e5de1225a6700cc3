package cli

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/internal/closest"
	"github.com/oidcscope/oidcscope/providererrors"
	"github.com/oidcscope/oidcscope/report"
)

// explainErrors prints the catalogue entries a code, ID or message named:
// one after the other, or as JSON (the entry, or an array of them when
// the code is shared).
func explainErrors(o *explainOptions, entries []providererrors.Entry, s streams) error {
	if o.json {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if len(entries) == 1 {
			return exitIf(enc.Encode(entries[0]))
		}
		return exitIf(enc.Encode(entries))
	}
	rend := lipgloss.NewRenderer(s.out, termenv.WithEnvironment(environ(s.getenv)))
	for i, e := range entries {
		if i > 0 {
			if _, err := io.WriteString(s.out, "\n"); err != nil {
				return exitIf(err)
			}
		}
		if err := report.ErrorEntry(s.out, e, rend); err != nil {
			return exitIf(err)
		}
	}
	return nil
}

// didYouMean is "; did you mean X?" for the claim, code or entry ID
// nearest to what was typed (case aside), or "" when none is near.
func didYouMean(typed string, p *claims.Profile) string {
	var names []string
	for _, e := range p.Claims {
		names = append(names, e.Name)
	}
	for _, e := range providererrors.Catalogue() {
		names = append(names, e.ID)
		if e.Code != "" {
			names = append(names, e.Code)
		}
	}
	lower := make([]string, len(names))
	for i, n := range names {
		lower[i] = strings.ToLower(n)
	}
	t := strings.ToLower(typed)
	best := closest.Match(t, lower, max(2, len(t)/3)+1)
	if best == "" {
		return ""
	}
	for i, l := range lower {
		if l == best {
			return "; did you mean " + names[i] + "?"
		}
	}
	return ""
}
