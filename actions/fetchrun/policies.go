package fetchrun

import (
	"errors"
	"io"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// recordingProvider keeps the policies a provider parses: the policy set
// evaluates them but does not hand them out, and fetch needs each one's
// audience, and to check each token against only the policies that want it.
type recordingProvider struct {
	policy.Provider
	got *[]policy.Policy
}

func (p recordingProvider) Parse(source string, data []byte) ([]policy.Policy, error) {
	pols, err := p.Provider.Parse(source, data)
	if err == nil {
		*p.got = append(*p.got, pols...)
	}
	return pols, err
}

// LoadPolicies reads --policy and --policy-dir as inspect does, returning
// the parsed policies in load order and the documents that failed.
func LoadPolicies(files, dirs []string, stdin io.Reader) ([]policy.Policy, []policy.Result) {
	if len(files) == 0 && len(dirs) == 0 {
		return nil, nil
	}
	var got []policy.Policy
	var providers []policy.Provider
	for _, p := range policyset.All() {
		providers = append(providers, recordingProvider{Provider: p, got: &got})
	}
	set := policyset.Loader{Providers: providers}.Load(files, dirs, stdin)
	return got, set.Failures()
}

// parsed is a provider of policies already parsed, so a policy set can be
// made of a chosen few of them.
type parsed []policy.Policy

var errParsed = errors.New("not a provider of documents")

func (parsed) ID() string                                      { return "parsed" }
func (parsed) Detect([]byte) bool                              { return true }
func (p parsed) Parse(string, []byte) ([]policy.Policy, error) { return p, nil }
func (parsed) Suggest(policy.Token, policy.Scope) (policy.Suggestion, error) {
	return policy.Suggestion{}, errParsed
}
func (parsed) Snippets(policy.Token) []policy.Snippet { return nil }

// PolicySet is a set of exactly these policies, nil for none.
func PolicySet(pols []policy.Policy) *policyset.Set {
	if len(pols) == 0 {
		return nil
	}
	s := &policyset.Set{}
	s.Add([]policy.Provider{parsed(pols)}, "", nil)
	return s
}
