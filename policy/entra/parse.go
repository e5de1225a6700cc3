package entra

import (
	"bytes"
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// Parse reads every credential of a document. A document that is not JSON
// or holds no credential is an error naming line and column or what was
// found; a credential with an unreadable field is still returned and
// evaluates to Error, so its siblings are unaffected. Sources get "#N"
// (1-based) when the document holds several credentials.
func (provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	root, err := readJSON(data)
	if err != nil {
		return nil, err
	}
	found, err := entries(data, root)
	if err != nil {
		return nil, err
	}
	creds := make([]*credential, len(found))
	for i, e := range found {
		src := source
		if len(found) > 1 {
			src = fmt.Sprintf("%s#%d", source, e.index)
		}
		creds[i] = compile(src, data, e)
	}
	lintDocument(creds)
	out := make([]policy.Policy, len(creds))
	for i, c := range creds {
		out[i] = c
	}
	return out, nil
}
