package vault

import (
	"bytes"
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// Parse reads every role of a document. A document that is not JSON, or
// holds no role, is an error naming line and column or what was found; a
// role with an unreadable or invalid field is still returned and evaluates
// to Error, so its siblings are unaffected. Sources get "#N" (1-based) when
// the document holds several roles.
func (provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	root, err := readJSON(data)
	if err != nil {
		return nil, err
	}
	doc, err := readDocument(source, data, root)
	if err != nil {
		return nil, err
	}
	out := make([]policy.Policy, len(doc.roles))
	for i, e := range doc.roles {
		src := source
		if len(doc.roles) > 1 {
			src = fmt.Sprintf("%s#%d", source, e.index)
		}
		out[i] = compile(src, doc, e)
	}
	return out, nil
}

func (r *role) Provider() string { return policy.Vault }
func (r *role) Source() string   { return r.source }
func (r *role) Name() string     { return r.name }
