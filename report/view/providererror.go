package view

import (
	"sort"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/providererrors"
)

// ErrorEntry is a catalogued provider error message, ready to lay out.
// The catalogue is oidcscope's own text; it is escaped all the same, like
// everything a renderer gets from this package.
type ErrorEntry struct {
	ID, Provider, Code, Title, Text, Meaning, Source string
	Claims, Fields, Check                            []string
}

// Head is the entry's short name: its code and provider ("AADSTS700213 ·
// Entra"), or the provider alone when the message has no code.
func (e ErrorEntry) Head() string {
	if e.Code != "" {
		return e.Code + " · " + e.Provider
	}
	return e.Provider
}

// ErrorEntryOf is e's block.
func ErrorEntryOf(e providererrors.Entry) ErrorEntry {
	return ErrorEntry{ID: shown(e.ID), Provider: shown(policy.InfoOf(e.Provider).Name), Code: shown(e.Code),
		Title: shown(e.Title), Text: shown(e.Text), Meaning: shown(e.Meaning), Source: shown(e.Source),
		Claims: shownAll(e.Claims), Fields: shownAll(e.Fields), Check: shownAll(e.Check)}
}

// FoundError is a provider error message found in what was pasted: the
// entry, where it was, the text as found and the values it carries. The
// text and values come from the paste: hostile until escaped here.
type FoundError struct {
	Entry  ErrorEntry
	Line   int
	Quoted string
	Values []Field // claim values first, by claim name, then the others
}

// FoundErrorOf is m's block.
func FoundErrorOf(m providererrors.Match) FoundError {
	f := FoundError{Entry: ErrorEntryOf(m.Entry), Line: m.Line, Quoted: shown(m.Text)}
	f.Values = append(fieldsOf(m.Claims), fieldsOf(m.Extra)...)
	return f
}

func fieldsOf(m map[string]string) []Field {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Field, 0, len(keys))
	for _, k := range keys {
		out = append(out, Field{Label: shown(k), Value: shown(m[k])})
	}
	return out
}
