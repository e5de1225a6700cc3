package gcp

import (
	"fmt"
	"strconv"

	"github.com/oidcscope/oidcscope/decode"
)

// envelope reads oidcscope's document that attaches IAM members to
// providers:
//
//	{"provider": {…} | "providers": [{…}, …],
//	 "member": "principalSet://…" | "members": ["…", …],
//	 "bindings": [{"role": …, "members": […]}, …] | "policy": {"bindings": […]}}
//
// "bindings" (or "policy") is an IAM policy as `gcloud … get-iam-policy
// --format=json` prints it. Every member applies to every provider of the
// envelope; a member of another pool does not apply to a provider.
func envelope(loc locator, v decode.Value) ([]entry, error) {
	var provs []entry
	if p, ok := v.Get("provider"); ok {
		if p.Kind != decode.Object {
			return nil, fmt.Errorf("%w: %s is a %s, not a provider object", ErrDocument, loc.at("provider", offsetOf(v, "provider")), p.Kind)
		}
		provs = append(provs, entry{obj: p, path: "provider"})
	}
	if ps, ok := v.Get("providers"); ok {
		if ps.Kind != decode.Array {
			return nil, fmt.Errorf("%w: %s is a %s, not a list of providers", ErrDocument, loc.at("providers", offsetOf(v, "providers")), ps.Kind)
		}
		for i, p := range ps.Items {
			provs = append(provs, entry{obj: p, path: "providers[" + strconv.Itoa(i) + "]"})
		}
	}
	var members []memberRef
	var problems []string
	bad := func(field string, off int64, format string, args ...any) {
		problems = append(problems, loc.at(field, off)+": "+fmt.Sprintf(format, args...))
	}
	for _, m := range v.Members {
		switch m.Key {
		case "member":
			if m.Value.Kind != decode.String {
				bad("member", m.Offset, "must be a string, not a %s", m.Value.Kind)
				continue
			}
			members = append(members, memberRef{text: m.Value.Text, group: "member", field: "member"})
		case "members":
			ms, err := stringList(m.Value)
			if err != "" {
				bad("members", m.Offset, "%s", err)
				continue
			}
			for i, s := range ms {
				members = append(members, memberRef{text: s, group: "members", field: "members[" + strconv.Itoa(i) + "]"})
			}
		case "bindings":
			members = append(members, bindings(loc, "bindings", m, bad)...)
		case "policy", "iamPolicy":
			if m.Value.Kind != decode.Object {
				bad(m.Key, m.Offset, "must be an IAM policy object {\"bindings\": […]}, not a %s", m.Value.Kind)
				continue
			}
			for _, pm := range m.Value.Members {
				if pm.Key == "bindings" {
					members = append(members, bindings(loc, m.Key+".bindings", pm, bad)...)
				}
			}
		}
	}
	for i := range provs {
		provs[i].members = members
		provs[i].problems = problems
	}
	return provs, nil
}

// bindings reads the members of an IAM policy's bindings.
func bindings(loc locator, path string, m decode.Member, bad func(string, int64, string, ...any)) []memberRef {
	if m.Value.Kind != decode.Array {
		bad(path, m.Offset, "must be a list of bindings {\"role\": …, \"members\": […]}, not a %s", m.Value.Kind)
		return nil
	}
	var out []memberRef
	for i, b := range m.Value.Items {
		bp := path + "[" + strconv.Itoa(i) + "]"
		if b.Kind != decode.Object {
			bad(bp, m.Offset, "must be a binding object, not a %s", b.Kind)
			continue
		}
		role, _ := b.Str("role")
		group := "binding " + role
		if role == "" {
			group = "binding " + bp
		}
		cond := ""
		if c, ok := b.Get("condition"); ok && c.Kind == decode.Object {
			cond, _ = c.Str("title")
			if e, ok := c.Str("expression"); ok {
				if cond != "" {
					cond += ": "
				}
				cond += e
			}
		}
		ms, ok := b.Get("members")
		if !ok {
			continue
		}
		list, err := stringList(ms)
		if err != "" {
			bad(bp+".members", offsetOf(b, "members"), "%s", err)
			continue
		}
		for j, s := range list {
			out = append(out, memberRef{text: s, group: group, field: bp + ".members[" + strconv.Itoa(j) + "]", cond: cond})
		}
	}
	return out
}

// stringList reads a JSON list of strings; err says why it is not one.
func stringList(v decode.Value) ([]string, string) {
	if v.Kind != decode.Array {
		return nil, fmt.Sprintf("must be a list of strings, not a %s", v.Kind)
	}
	out := make([]string, 0, len(v.Items))
	for i, it := range v.Items {
		if it.Kind != decode.String {
			return nil, fmt.Sprintf("must be a list of strings; element %d is a %s", i, it.Kind)
		}
		out = append(out, it.Text)
	}
	return out, ""
}
