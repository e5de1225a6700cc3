package providererrors

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sync"

	"sigs.k8s.io/yaml"
)

// catalogueYAML is the catalogue: data, kept out of the code so that an
// entry reads as the provider's message and its advice.
//
//go:embed catalogue.yaml
var catalogueYAML []byte

// parsed is the catalogue read once; a broken file is a build defect that
// TestCatalogueParses reports.
var parsed = sync.OnceValues(func() ([]Entry, error) {
	var entries []Entry
	if err := yaml.UnmarshalStrict(catalogueYAML, &entries); err != nil {
		return nil, fmt.Errorf("providererrors: catalogue.yaml: %w", err)
	}
	return entries, nil
})

// Catalogue is every entry, providers in the order oidcscope lists them,
// the registries after the clouds. Each call returns a fresh slice; it is
// empty only if the embedded file is broken (a test guards that).
func Catalogue() []Entry {
	entries, err := parsed()
	if err != nil {
		return nil
	}
	out := slices.Clone(entries)
	for i := range out {
		out[i].Claims, out[i].Fields, out[i].Check = slices.Clone(out[i].Claims), slices.Clone(out[i].Fields), slices.Clone(out[i].Check)
	}
	return out
}

// compiledEntry is an entry with its expression.
type compiledEntry struct {
	Entry
	re      *regexp.Regexp
	literal string // in every match (requiredLiteral); "" when none is
}

// compiled is the catalogue with its expressions, built on first use: a
// run that never sees an error pays nothing, and it is never written
// after.
var compiled = sync.OnceValue(func() []compiledEntry {
	entries := Catalogue()
	out := make([]compiledEntry, len(entries))
	for i, e := range entries {
		re := e.compile()
		out[i] = compiledEntry{Entry: e, re: re, literal: requiredLiteral(re.String())}
	}
	return out
})

// ByID is the entry with this ID. It reads the parsed catalogue without
// copying the rest of it: renderers look one entry up per denied policy,
// and a set can hold thousands.
func ByID(id string) (Entry, bool) {
	entries, err := parsed()
	if err != nil {
		return Entry{}, false
	}
	for _, e := range entries {
		if e.ID == id {
			e.Claims, e.Fields, e.Check = slices.Clone(e.Claims), slices.Clone(e.Fields), slices.Clone(e.Check)
			return e, true
		}
	}
	return Entry{}, false
}
