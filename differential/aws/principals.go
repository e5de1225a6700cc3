package aws

import "slices"

// Principal features of the known classes.

// accountDenies marks the Deny statements whose principal is an account.
func accountDenies(c Case) map[int]bool {
	out := map[int]bool{}
	for i, s := range c.Doc.Statements {
		if s.Effect != "Deny" {
			continue
		}
		for _, e := range s.Principal.Entries {
			for _, v := range e.Values.Items {
				if e.Type == "AWS" && (v == account || v == "arn:aws:iam::"+account+":root") {
					out[i] = true
				}
			}
		}
	}
	return out
}

func withoutAccountDenies(c Case, _ Outcome) Case {
	n := c.Clone()
	drop := accountDenies(c)
	kept := n.Doc.Statements[:0]
	for i, s := range n.Doc.Statements {
		if !drop[i] {
			kept = append(kept, s)
		}
	}
	n.Doc.Statements = kept
	return n
}

func hasFederatedStar(c Case) bool {
	for _, s := range c.Doc.Statements {
		for _, e := range s.Principal.Entries {
			if e.Type == "Federated" && slices.Contains(e.Values.Items, "*") {
				return true
			}
		}
	}
	return false
}

// namedFederated replaces {"Federated": "*"} by the token's own provider,
// which is what the wildcard reading amounts to for this token.
func namedFederated(c Case, _ Outcome) Case {
	n := c.Clone()
	own := providerARN(providerPath(c.Claims))
	for i := range n.Doc.Statements {
		for j := range n.Doc.Statements[i].Principal.Entries {
			e := &n.Doc.Statements[i].Principal.Entries[j]
			for k, v := range e.Values.Items {
				if e.Type == "Federated" && v == "*" {
					e.Values.Items[k] = own
				}
			}
		}
	}
	return n
}
