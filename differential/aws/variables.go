package aws

import "strings"

// Policy variables and the ${*} ${?} ${$} escapes, as the known classes
// see them (IAM User Guide, reference_policies_variables.html).

// escapes turns the three escapes into the characters AWS reads them as.
var escapes = strings.NewReplacer("${*}", "*", "${?}", "?", "${$}", "$")

func hasEscape(v string) bool {
	return strings.Contains(v, "${*}") || strings.Contains(v, "${?}") || strings.Contains(v, "${$}")
}

func hasEscapeInEquality(c Case) bool {
	found := false
	eachValue(&c.Doc, isEquality, func(v *string) { found = found || hasEscape(*v) })
	return found
}

// unescapeEquality writes the escapes of equality operators' values as
// their characters, which those operators compare literally anyway.
func unescapeEquality(c Case) Case {
	n := c.Clone()
	eachValue(&n.Doc, isEquality, func(v *string) { *v = escapes.Replace(*v) })
	return n
}

// policyVar is one ${…} of a value, other than the three escapes.
type policyVar struct {
	key          string
	hasDefault   bool
	emptyDefault bool // ${key, ''}
}

// policyVars finds the variables of a value the way IAM writes them:
// ${key} or ${key, 'default'} (a comma and a space before the quote).
func policyVars(v string) []policyVar {
	var out []policyVar
	for {
		i := strings.Index(v, "${")
		if i < 0 {
			return out
		}
		j := strings.IndexByte(v[i+2:], '}')
		if j < 0 {
			return out
		}
		inner := v[i+2 : i+2+j]
		v = v[i+2+j+1:]
		if inner == "*" || inner == "?" || inner == "$" {
			continue
		}
		key, def, ok := strings.Cut(inner, ", ")
		quoted := ok && len(def) >= 2 && strings.HasPrefix(def, "'") && strings.HasSuffix(def, "'")
		out = append(out, policyVar{key: strings.TrimSpace(key), hasDefault: quoted, emptyDefault: quoted && def == "''"})
	}
}

// noValue: the request lacks the key, holds it empty (the simulator and
// oidcscope both read an empty value as no value) or holds several values.
func noValue(ctx map[string]any, key string) bool {
	for k, v := range ctx {
		if strings.EqualFold(k, key) {
			// A multivalued key cannot be a variable (AWS: "You can't use
			// a multivalued condition key as a variable"): no value either.
			_, multi := v.([]any)
			return v == "" || multi
		}
	}
	return true
}

// emptyDefaults lists the variables of a value with an empty default
// (a quoted empty string) whose key has no value.
func emptyDefaults(v string, ctx map[string]any) []string {
	var out []string
	for _, pv := range policyVars(v) {
		if pv.emptyDefault && noValue(ctx, pv.key) {
			out = append(out, "${"+pv.key+", ''}")
		}
	}
	return out
}

func hasEmptyDefault(c Case, ctx map[string]any) bool {
	found := false
	eachValue(&c.Doc, func(string) bool { return true }, func(v *string) { found = found || len(emptyDefaults(*v, ctx)) > 0 })
	return found
}

// substituteEmptyDefaults does what AWS does with such a variable: writes
// its default, nothing, in its place.
func substituteEmptyDefaults(c Case, o Outcome) Case {
	n := c.Clone()
	eachValue(&n.Doc, func(string) bool { return true }, func(v *string) {
		for _, e := range emptyDefaults(*v, o.Sim.Context) {
			*v = strings.ReplaceAll(*v, e, "")
		}
	})
	return n
}

// valueless reports whether a value holds a variable without a default
// whose key has no value.
func valueless(v string, ctx map[string]any) bool {
	for _, pv := range policyVars(v) {
		if !pv.hasDefault && noValue(ctx, pv.key) {
			return true
		}
	}
	return false
}

// valuelessInNegated lists the values of negated operators with a
// valueless variable.
func valuelessInNegated(c Case, ctx map[string]any) []string {
	var out []string
	eachValue(&c.Doc, isNegated, func(v *string) {
		if valueless(*v, ctx) {
			out = append(out, *v)
		}
	})
	return out
}

// neverMatches is a literal no generated claim holds: what a valueless
// value amounts to under AWS's reading.
const neverMatches = "<valueless>"

func withoutValuelessInNegated(c Case, o Outcome) Case {
	n := c.Clone()
	eachValue(&n.Doc, isNegated, func(v *string) {
		if valueless(*v, o.Sim.Context) {
			*v = neverMatches
		}
	})
	return n
}
