package fetchrun

import (
	"io"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// LoadPolicies reads --policy and --policy-dir as inspect does, returning
// the parsed policies in load order (fetch needs each one's audience, and
// to check each token against only the policies that want it) and the
// documents that failed.
func LoadPolicies(files, dirs []string, stdin io.Reader) ([]policy.Policy, []policy.Result) {
	pols, failures, _ := LoadPoliciesNoting(files, dirs, stdin)
	return pols, failures
}

// LoadPoliciesNoting is LoadPolicies and the line that says which files
// in the folders were skipped as no policy document ("" for none; paths
// as found, escaped by whoever prints it).
func LoadPoliciesNoting(files, dirs []string, stdin io.Reader) (pols []policy.Policy, failures []policy.Result, skipNote string) {
	if len(files) == 0 && len(dirs) == 0 {
		return nil, nil, ""
	}
	set := policyset.Loader{}.Load(files, dirs, stdin)
	return set.Policies(), set.Failures(), set.SkipNote()
}

// PolicySet is a set of exactly these policies, nil for none.
func PolicySet(pols []policy.Policy) *policyset.Set {
	if len(pols) == 0 {
		return nil
	}
	return policyset.FromPolicies(pols...)
}
