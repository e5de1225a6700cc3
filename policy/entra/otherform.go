package entra

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// otherForm keeps docs[mine], the credential for the token's own subject
// form, as the document, and moves the other form's credential into a
// note. Entra accepts a token when any one federated credential of the
// app matches it, so the pair is one trust that survives GitHub's move to
// immutable subjects; but oidcscope evaluates each credential of a
// document on its own, and a token has one form: printed together, the
// other form would be a deny of the very token the suggestion was made
// for (and `inspect --policy` would exit 1). A single doc is returned as
// it is.
func (s *suggester) otherForm(docs []ficDoc, mine int) ([]ficDoc, error) {
	if len(docs) != 2 {
		return docs, nil
	}
	other := docs[1-mine]
	forms := [2]string{"legacy", "immutable"}
	obj, err := compactJSON(other)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSuggest, err)
	}
	what := "its subject " + other.Subject
	if other.ClaimsMatchingExpression != nil {
		what = "its expression " + other.ClaimsMatchingExpression.Value
	}
	s.note("Create a second credential in the same app or identity, for the %s subject form (%s): this token has the %s form, so it does not match that credential, which is why the document leaves it out; Entra accepts a token when any one federated credential of the app matches, so the pair keeps the trust when the repository gets the other form (the immutable repo:OWNER@ID/REPO@ID form comes with opting in, a rename or a transfer, and is the default for repositories created after 2026-07-15; it also pins the owner and repository IDs). Its object: %s",
		forms[1-mine], what, forms[mine], obj)
	return docs[mine : mine+1], nil
}

// compactJSON writes a credential on one line, for a note.
func compactJSON(d ficDoc) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
