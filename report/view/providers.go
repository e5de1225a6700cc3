package view

import (
	"strings"

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
