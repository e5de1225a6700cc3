package entra

import "github.com/oidcscope/oidcscope/policy"

// Parse reads every credential of a document. A document that is not JSON
// or holds no credential is an error naming line and column or what was
// found; a credential with an unreadable field is still returned and
// evaluates to Error, so its siblings are unaffected. Sources get "#N"
// (1-based) when the document holds several credentials.
func (provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	data = policy.TrimBOM(data)
	found, err := entries(data)
	if err != nil {
		return nil, err
	}
	creds := make([]*credential, len(found))
	for i, e := range found {
		creds[i] = compile(policy.NumberedSource(source, e.index, len(found)), data, e)
	}
	lintDocument(creds)
	linkApps(creds)
	out := make([]policy.Policy, len(creds))
	for i, c := range creds {
		out[i] = c
	}
	return out, nil
}
