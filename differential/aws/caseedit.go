package aws

import "strings"

// Walking and editing a case: the known classes (known.go) look for a
// feature in it and take the feature out again.

// baseOperator strips ForAnyValue:/ForAllValues: and IfExists.
func baseOperator(op string) string {
	if _, rest, ok := strings.Cut(op, ":"); ok {
		op = rest
	}
	return strings.TrimSuffix(op, "IfExists")
}

func isEquality(base string) bool {
	switch base {
	case "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase":
		return true
	}
	return false
}

func isNegated(base string) bool { return strings.HasPrefix(base, "StringNot") }

// eachValue calls f with a pointer to every condition value of d whose
// operator passes keep.
func eachValue(d *Document, keep func(base string) bool, f func(v *string)) {
	for i := range d.Statements {
		for j := range d.Statements[i].Conditions {
			b := &d.Statements[i].Conditions[j]
			if !keep(baseOperator(b.Op)) {
				continue
			}
			for k := range b.Keys {
				for l := range b.Keys[k].Values.Items {
					f(&b.Keys[k].Values.Items[l])
				}
			}
		}
	}
}

// caseHas reports whether a claim or a condition value holds a rune.
func caseHas(c Case, f func(rune) bool) bool {
	found := false
	mapStrings(c, func(s string) string {
		found = found || strings.ContainsFunc(s, f)
		return s
	})
	return found
}

// mapStrings applies f to every claim value and condition value of a copy
// of c.
func mapStrings(c Case, f func(string) string) Case {
	n := c.Clone()
	for i := range n.Claims {
		for j, v := range n.Claims[i].Value.Items {
			n.Claims[i].Value.Items[j] = f(v)
		}
	}
	eachValue(&n.Doc, func(string) bool { return true }, func(v *string) { *v = f(*v) })
	return n
}

// holding is the Fits of a known class about a kind of character: some
// claim or condition value holds a rune that matches.
func holding(match func(rune) bool) func(Case, Outcome) bool {
	return func(c Case, _ Outcome) bool { return caseHas(c, match) }
}

// replacing is the Without of a known class about a kind of character:
// every rune that matches, in every claim and condition value, becomes
// with.
func replacing(match func(rune) bool, with rune) func(Case, Outcome) Case {
	replace := func(r rune) rune {
		if match(r) {
			return with
		}
		return r
	}
	return func(c Case, _ Outcome) Case {
		return mapStrings(c, func(s string) string { return strings.Map(replace, s) })
	}
}
