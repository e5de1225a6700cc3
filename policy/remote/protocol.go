package remote

import (
	"github.com/oidcscope/oidcscope/policy"
)

// Protocol is the version of the messages below. The helper and oidcscope
// must agree on it and on the release (hello): a helper from another
// release may judge differently, and a verdict that disagrees with the
// provider is worse than none.
const Protocol = 1

// Operations.
const (
	opHello    = "hello"
	opDetect   = "detect"
	opParse    = "parse"
	opEvaluate = "evaluate"
	opSuggest  = "suggest"
)

// request is one call. JSON keeps what the reports show exactly: an empty
// list stays empty (gob would make it nil, which a report writes as null),
// and every string these carry is valid UTF-8 (decode replaces invalid
// bytes; the documents' decoders refuse or replace them), which JSON
// keeps byte for byte.
type request struct {
	Op       string `json:"op"`
	Provider string `json:"provider,omitempty"`
	Version  string `json:"version,omitempty"` // hello: oidcscope's release
	Source   string `json:"source,omitempty"`
	Data     []byte `json:"data,omitempty"`   // detect, parse: the document
	Policy   int    `json:"policy,omitempty"` // evaluate: the handle parse gave
	// TokenID names the token of evaluate and suggest; Payload
	// comes with it only when the helper does not hold that token yet, so
	// a set's policies share one conversion of the claims, as in-process.
	TokenID uint64       `json:"token_id,omitempty"`
	Payload *wireValue   `json:"payload,omitempty"`
	Scope   policy.Scope `json:"scope,omitempty"`
	// Release lists handles of policies oidcscope dropped, so the helper
	// drops them too (their compiled CEL would stay for the whole run).
	Release []int `json:"release,omitempty"`
}

// response answers one request. Error is a provider's own error message
// (parse, suggest) or the helper's refusal of the request.
type response struct {
	Error      string             `json:"error,omitempty"`
	Protocol   int                `json:"protocol,omitempty"` // hello
	Version    string             `json:"version,omitempty"`  // hello: the helper's release
	Detected   bool               `json:"detected,omitempty"`
	Policies   []policyInfo       `json:"policies,omitempty"`
	Result     *policy.Result     `json:"result,omitempty"`
	Suggestion *policy.Suggestion `json:"suggestion,omitempty"`
}

// policyInfo is what oidcscope keeps of a policy the helper parsed: the
// handle to evaluate it by and what Policy answers without a call.
type policyInfo struct {
	Handle   int    `json:"handle"`
	Provider string `json:"provider"`
	Source   string `json:"source"`
	Name     string `json:"name"`
	// Hints is whether the policy is a policy.AudienceHinter, and
	// Audiences what it returned (nil and empty kept apart).
	Hints     bool     `json:"hints,omitempty"`
	Audiences []string `json:"audiences"`
}
