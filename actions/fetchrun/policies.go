package fetchrun

import (
	"io"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// LoadPolicies reads policy files and folders, returning the parsed
// policies in load order (fetch needs each one's audience, and to check
// each token against only the policies that want it) and the documents
// that failed. The command reads --policy and --policy-dir itself, with
// the checks every command makes (a folder with no policy document);
// this is for callers that hold the paths alone.
func LoadPolicies(files, dirs []string, stdin io.Reader) ([]policy.Policy, []policy.Result) {
	if len(files) == 0 && len(dirs) == 0 {
		return nil, nil
	}
	set := policyset.Loader{}.Load(files, dirs, stdin)
	return set.Policies(), set.Failures()
}

// PolicySet is a set of exactly these policies, nil for none.
func PolicySet(pols []policy.Policy) *policyset.Set {
	if len(pols) == 0 {
		return nil
	}
	return policyset.FromPolicies(pols...)
}
