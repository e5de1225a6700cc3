package providererrors

import (
	"regexp"
	"sync"
)

// Catalogue is every entry, providers in the order oidcscope lists them,
// the registries after the clouds. Each call returns a fresh slice.
func Catalogue() []Entry {
	var out []Entry
	for _, part := range [][]Entry{
		awsEntries(), entraEntries(), gcpEntries(), vaultEntries(), octostsEntries(),
		pypiEntries(), cratesEntries(), rubygemsEntries(), npmEntries(), nugetEntries(), jsrEntries(), pubdevEntries(),
	} {
		out = append(out, part...)
	}
	return out
}

// compiledEntry is an entry with its expression.
type compiledEntry struct {
	Entry
	re *regexp.Regexp
}

// compiled is the catalogue with its expressions, built on first use: a
// run that never sees an error pays nothing, and it is never written
// after.
var compiled = sync.OnceValue(func() []compiledEntry {
	entries := Catalogue()
	out := make([]compiledEntry, len(entries))
	for i, e := range entries {
		out[i] = compiledEntry{Entry: e, re: e.compile()}
	}
	return out
})
