package celclaims

// Pin is the CEL term root.claim == 'value': what a suggested expression
// requires of one claim.
func Pin(root, claim, value string) string {
	return root + "." + claim + " == " + Quote(value)
}

// IDTerms are the terms every suggested CEL expression starts with: the
// token's repository_owner_id and repository_id (its immutable IDs), read
// from root. need reads a claim the suggestion cannot do without, and
// what names the expression in the reason it gives ("the condition").
func IDTerms(root, what string, need func(claim, why string) (string, error)) (ownerID, repoID string, terms []string, err error) {
	if ownerID, err = need("repository_owner_id", what+" pins the owner by ID"); err != nil {
		return "", "", nil, err
	}
	if repoID, err = need("repository_id", what+" pins the repository by ID"); err != nil {
		return "", "", nil, err
	}
	return ownerID, repoID, []string{Pin(root, "repository_owner_id", ownerID), Pin(root, "repository_id", repoID)}, nil
}

// Scoped is a claim a suggestion's scope pins, and why the suggestion
// needs it.
type Scoped struct{ Claim, Why string }

// Pin reads the claim with need and appends its term, read from root, to
// terms; it returns the claim's value.
func (s Scoped) Pin(terms *[]string, root string, need func(claim, why string) (string, error)) (string, error) {
	v, err := need(s.Claim, s.Why)
	if err == nil {
		*terms = append(*terms, Pin(root, s.Claim, v))
	}
	return v, err
}
