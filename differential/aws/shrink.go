package aws

import "slices"

// Shrink makes a disagreeing case as small as it can while still
// disagreeing (keep reports whether a smaller case does): it drops whole
// statements, condition blocks, keys, values of a list, and claims other
// than iss, one at a time, until nothing more can go.
func Shrink(c Case, keep func(Case) (bool, error)) (Case, error) {
	for {
		smaller := false
		for _, cand := range smallerCases(c) {
			ok, err := keep(cand)
			if err != nil {
				return c, err
			}
			if ok {
				c, smaller = cand, true
				break
			}
		}
		if !smaller {
			return c, nil
		}
	}
}

// smallerCases lists every case one step smaller than c, biggest steps
// first.
func smallerCases(c Case) []Case {
	var out []Case
	with := func(edit func(*Case)) {
		n := c.Clone()
		edit(&n)
		out = append(out, n)
	}
	st := c.Doc.Statements
	for i := range st {
		if len(st) > 1 {
			with(func(n *Case) { n.Doc.Statements = slices.Delete(n.Doc.Statements, i, i+1) })
		}
	}
	for i, s := range st {
		// Cosmetic steps: no Sid, no Resource, one-item lists as strings.
		if s.Sid != "" {
			with(func(n *Case) { n.Doc.Statements[i].Sid = "" })
		}
		if len(s.Resource.Items) > 0 {
			with(func(n *Case) { n.Doc.Statements[i].Resource = Strings{} })
		}
		for j, e := range s.Principal.Entries {
			if e.Values.Array && len(e.Values.Items) == 1 {
				with(func(n *Case) { n.Doc.Statements[i].Principal.Entries[j].Values.Array = false })
			}
		}
		for j, b := range s.Conditions {
			with(func(n *Case) {
				n.Doc.Statements[i].Conditions = slices.Delete(n.Doc.Statements[i].Conditions, j, j+1)
			})
			for k, kv := range b.Keys {
				if len(b.Keys) > 1 {
					with(func(n *Case) {
						bk := &n.Doc.Statements[i].Conditions[j]
						bk.Keys = slices.Delete(bk.Keys, k, k+1)
					})
				}
				if kv.Values.Array && len(kv.Values.Items) == 1 {
					with(func(n *Case) { n.Doc.Statements[i].Conditions[j].Keys[k].Values.Array = false })
				}
				for v := range kv.Values.Items {
					if len(kv.Values.Items) > 1 {
						with(func(n *Case) {
							vs := &n.Doc.Statements[i].Conditions[j].Keys[k].Values
							vs.Items = slices.Delete(vs.Items, v, v+1)
						})
					}
				}
			}
		}
		for j, e := range s.Principal.Entries {
			for v := range e.Values.Items {
				if len(e.Values.Items) > 1 {
					with(func(n *Case) {
						vs := &n.Doc.Statements[i].Principal.Entries[j].Values
						vs.Items = slices.Delete(vs.Items, v, v+1)
					})
				}
			}
		}
	}
	for _, cl := range c.Claims {
		if cl.Name != "iss" {
			with(func(n *Case) { n.Claims = n.Claims.Without(cl.Name) })
		}
	}
	return out
}
