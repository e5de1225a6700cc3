package oidcprovider

import (
	"bytes"
	"errors"
	"slices"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// ID names this provider of documents. Its policies' results are under
// policy.AWS; the id differs so that policyset.ByID(policy.AWS) stays the
// trust-policy provider.
const ID = "aws-oidc-provider"

// provider implements policy.Provider for IAM OIDC provider documents.
type provider struct {
	limits limits // zero: the package's caps
}

// New returns the provider of IAM OIDC provider documents.
func New() policy.Provider { return provider{} }

func (provider) ID() string { return ID }

// Member names that mark the two documents. A trust policy, a role or any
// other provider's document has none of them at its top level.
var (
	markList = []byte(`"OpenIDConnectProviderList"`)
	markURL  = []byte(`"Url"`)
	markGet  = [][]byte{[]byte(`"ClientIDList"`), []byte(`"ThumbprintList"`), []byte(`"CreateDate"`)}
)

// Detect recognises a JSON object whose top level has
// OpenIDConnectProviderList (list output), or Url with ClientIDList,
// ThumbprintList or CreateDate (get output: IAM leaves an empty list out). Only a document naming those members is
// decoded; one too large or not JSON is claimed, so that Parse says why.
func (provider) Detect(data []byte) bool {
	d := bytes.TrimLeft(policy.TrimBOM(data), " \t\r\n")
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	list := bytes.Contains(d, markList)
	get := bytes.Contains(d, markURL) && slices.ContainsFunc(markGet, func(m []byte) bool { return bytes.Contains(d, m) })
	if !list && !get {
		return false
	}
	if len(d) > MaxDocumentBytes {
		return true
	}
	root, err := policy.ReadJSON(d)
	if err != nil {
		return true
	}
	return isList(root) || isGet(root)
}

// isList and isGet need no check of the root's kind: only an object has
// members to Get.
func isList(root decode.Value) bool {
	_, ok := root.Get("OpenIDConnectProviderList")
	return ok
}

func isGet(root decode.Value) bool {
	_, url := root.Get("Url")
	_, ids := root.Get("ClientIDList")
	_, thumbs := root.Get("ThumbprintList")
	_, created := root.Get("CreateDate")
	return url && (ids || thumbs || created)
}

// errNoSuggestion: a provider document is not something oidcscope writes
// for a token; the AWS trust-policy suggestion's notes say how to create
// the provider.
var errNoSuggestion = errors.New("oidcscope suggests trust policies, not IAM OIDC provider documents: the AWS trust-policy suggestion says how to create the provider")

func (provider) Suggest(policy.Token, policy.Scope) (policy.Suggestion, error) {
	return policy.Suggestion{}, errNoSuggestion
}

// Snippets: none; the trust policy provider gives the conditions to paste.
func (provider) Snippets(policy.Token) []policy.Snippet { return nil }
