package view

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/policy"
)

// ProviderNames lists the providers oidcscope evaluates, by display name
// from the one table, for text that names them all.
func ProviderNames() string {
	var names []string
	for _, p := range policy.KnownProviders() {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// ProviderColumn is the width of a list's provider column: the widest of
// the providers listed, and at least the eight most of them fit in, so
// the names after it line up (crates.io is nine).
func ProviderColumn(providers []string) int {
	w := 8
	for _, p := range providers {
		w = max(w, ansi.StringWidth(p))
	}
	return w
}
