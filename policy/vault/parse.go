package vault

import "github.com/oidcscope/oidcscope/policy"

// Parse reads every role of a document. A document that is not JSON, or
// holds no role, is an error naming line and column or what was found; a
// role with an unreadable or invalid field is still returned and evaluates
// to Error, so its siblings are unaffected. Sources get "#N" (1-based) when
// the document holds several roles.
func (provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	doc, err := readDocument(source, policy.TrimBOM(data))
	if err != nil {
		return nil, err
	}
	out := make([]policy.Policy, len(doc.roles))
	for i, e := range doc.roles {
		out[i] = compile(policy.NumberedSource(source, e.index, len(doc.roles)), doc, e)
	}
	return out, nil
}

func (r *role) Provider() string { return policy.Vault }
func (r *role) Source() string   { return r.source }
func (r *role) Name() string     { return r.name }
