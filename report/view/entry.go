package view

import "github.com/oidcscope/oidcscope/claims"

// Field is one labelled line of a catalog entry.
type Field struct {
	Label, Value string
}

// EntryFields are a catalog entry's facts with their labels, the same in
// `oidcscope explain` and in the inspector's claim detail. The catalog is
// our own data and is not escaped; empty facts are left out.
func EntryFields(e *claims.Entry) []Field {
	typ := e.Type
	if e.Format != "" {
		typ += " (" + e.Format + ")"
	}
	immutable := "no"
	if e.Immutable {
		immutable = "yes"
	}
	prefer := ""
	if e.Prefer != "" {
		prefer = "condition on " + e.Prefer + " instead"
	}
	status := e.Status
	if status == "observed" {
		status = "observed in real tokens, not documented"
	}
	policies := ""
	if e.PolicyRelevant {
		policies = "trust policies commonly condition on this claim"
	}
	all := []Field{
		{"type", typ},
		{"example", e.Example},
		{"scope", string(e.Scope)},
		{"immutable", immutable},
		{"mutability", e.Mutability},
		{"prefer", prefer},
		{"trust", string(e.Trust) + ": " + e.TrustWhy},
		{"absent", e.Absent},
		{"since", e.Since},
		{"availability", e.Availability},
		{"status", status},
		{"policies", policies},
	}
	out := all[:0]
	for _, f := range all {
		if f.Value != "" {
			out = append(out, f)
		}
	}
	return out
}

// EntryName is the entry's name, with * for a family of claims.
func EntryName(e *claims.Entry) string {
	if e.Family {
		return e.Name + "*"
	}
	return e.Name
}
