package reach

import (
	"cmp"
	"strings"

	"github.com/oidcscope/oidcscope/simulate"
)

// DefaultRef is the repository's default branch as a ref: c's
// DefaultBranch, main when not given, as simulate takes it.
func DefaultRef(c simulate.Context) string {
	b := cmp.Or(c.DefaultBranch, "main")
	if strings.HasPrefix(b, "refs/") {
		return b
	}
	return "refs/heads/" + b
}

// otherDefaultRef stands for a ref of another repository's reusable
// workflow when a policy names none: that repository's default branch,
// taken to be main (--default-branch is this repository's).
const otherDefaultRef = "refs/heads/main"

// JobRef is the ref a job of event triggered from ref runs on, and false
// when GitHub never runs such a job: simulate's rule, which simulate
// --from follows too.
func JobRef(event, ref, defaultRef string) (string, bool) {
	return simulate.JobRef(event, ref, defaultRef)
}
