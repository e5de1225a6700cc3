package vault

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	oidcvault "github.com/oidcscope/oidcscope/policy/vault"
)

// scopeAnswer is oidcscope's verdict on one document.
type scopeAnswer struct {
	verdict policy.Verdict
	result  policy.Result // zero when the document did not parse
	parse   string        // Parse's error, when it refused the document
}

// reason is the error, or the summary.
func (a scopeAnswer) reason() string {
	switch {
	case a.parse != "":
		return a.parse
	case a.verdict == policy.Error:
		return a.result.Error
	}
	return a.result.Summary
}

// mentions reports whether the verdict's error or an errored or failed
// condition's diagnosis carries text.
func (a scopeAnswer) mentions(text string) bool {
	if contains(a.parse, text) || contains(a.result.Error, text) {
		return true
	}
	for _, c := range a.result.Conditions {
		for _, d := range c.Diagnosis {
			if contains(d, text) {
				return true
			}
		}
	}
	return false
}

// evaluate runs oidcscope on a {"config":…,"roles":{name: role}} document
// built around role (a JSON object, written or read back) and the token.
func evaluate(config map[string]any, name, role, jwt string) (scopeAnswer, error) {
	cfg, err := json.Marshal(config)
	if err != nil {
		return scopeAnswer{}, fmt.Errorf("encoding the config: %w", err)
	}
	doc := `{"config":` + string(cfg) + `,"roles":{` + quote(name) + `:` + role + `}}`
	tok, err := decode.Parse(jwt)
	if err != nil {
		return scopeAnswer{}, fmt.Errorf("oidcscope cannot decode the test token: %w", err)
	}
	pols, err := oidcvault.New().Parse("role.json", []byte(doc))
	if err != nil {
		return scopeAnswer{verdict: policy.Error, parse: err.Error()}, nil
	}
	if len(pols) != 1 {
		return scopeAnswer{}, fmt.Errorf("oidcscope found %d roles in a one-role document", len(pols))
	}
	res := pols[0].Evaluate(policy.NewToken(tok.Payload))
	return scopeAnswer{verdict: res.Verdict, result: res}, nil
}

func contains(s, sub string) bool { return sub != "" && strings.Contains(s, sub) }
