package report

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// jsonProviderError is one provider error message found in the input:
// "provider_errors" in the oidcscope/v1 contract, absent when there is
// none (a field added in a later release; the others never change).
type jsonProviderError struct {
	Entry    string            `json:"entry"`
	Provider string            `json:"provider"`
	Code     string            `json:"code,omitempty"`
	Title    string            `json:"title"`
	Line     int               `json:"line"`
	Text     string            `json:"text"`
	Claims   map[string]string `json:"claims"`
	Values   map[string]string `json:"values,omitempty"` // other values it names: role, credential, …
	Policies []jsonErrorPolicy `json:"policies"`
}

// jsonErrorPolicy is one policy of the message's provider against it.
// Without a token the verdict is the partial one, on the values the
// message carries: fits, differs, undecided (it quotes none of the
// claims the policy reads) or error, with the conditions it decided and
// the ones it could not. With a token it is the token's own verdict
// (deny or error) for the policies that do not allow, whose conditions
// are under "policies" at the top level.
type jsonErrorPolicy struct {
	Provider string             `json:"provider"`
	Policy   string             `json:"policy"`
	Source   string             `json:"source"`
	Verdict  string             `json:"verdict"`
	Decided  []policy.Condition `json:"decided,omitempty"`
	Unknown  []policy.Condition `json:"unknown,omitempty"`
}

func jsonProviderErrors(r *inspect.Report) []jsonProviderError {
	var out []jsonProviderError
	for _, pe := range r.ProviderErrors {
		m := pe.Match
		je := jsonProviderError{Entry: m.Entry.ID, Provider: m.Entry.Provider, Code: m.Entry.Code, Title: m.Entry.Title,
			Line: m.Line, Text: m.Text, Claims: m.Claims, Values: m.Extra, Policies: []jsonErrorPolicy{}}
		if je.Claims == nil {
			je.Claims = map[string]string{}
		}
		if len(je.Values) == 0 {
			je.Values = nil
		}
		for _, p := range pe.Partials {
			je.Policies = append(je.Policies, jsonErrorPolicy{Provider: p.Result.Provider, Policy: p.Result.Name, Source: p.Result.Source,
				Verdict: p.Verdict(), Decided: p.Decided, Unknown: p.Unknown})
		}
		for _, i := range pe.Failing {
			res := r.Policies[i]
			je.Policies = append(je.Policies, jsonErrorPolicy{Provider: res.Provider, Policy: res.Name, Source: res.Source, Verdict: string(res.Verdict)})
		}
		out = append(out, je)
	}
	return out
}
