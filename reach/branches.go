package reach

import (
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// branchMentions is the branches a condition on base_ref or head_ref
// names: the quoted values after each mention of either claim, up to the
// next && or || (one condition can hold several clauses: Google's
// attributeCondition). Under a regular expression each name an
// alternation of literals matches (alternatives); elsewhere the value,
// its wildcards filled in. A pull request's rows take each as
// its base and as its head.
func branchMentions(expression string, regex bool) []string {
	var out []string
	for _, loc := range branchClaim().FindAllStringIndex(expression, -1) {
		clause := expression[loc[1]:]
		for _, end := range []string{"&&", "||"} {
			if i := strings.Index(clause, end); i >= 0 {
				clause = clause[:i]
			}
		}
		for _, q := range quotedValue().FindAllStringSubmatch(clause, -1) {
			v := q[1] + q[2]
			if regex {
				// A pattern no list of names stands for names none.
				if names, ok := alternatives(v); ok {
					out = append(out, names...)
				}
				continue
			}
			if v = strings.TrimPrefix(fill(v), "refs/heads/"); v != "" && !strings.ContainsAny(v, " :|()[]{}+\\^$") {
				out = append(out, v)
			}
		}
	}
	return out
}

// branchClaim is a mention of a pull request's branch claims.
var branchClaim = lazyre.New(`\b(?:base_ref|head_ref)\b`)

// Branches is a pull request row's head and base branches, "HEAD→BASE",
// and "" for another event's row: its ref alone does not tell the jobs
// apart (every pull_request runs on the merge ref, every
// pull_request_target on the default branch).
func (r Row) Branches() string {
	if r.BaseRef == "" {
		return ""
	}
	return r.HeadRef + "→" + r.BaseRef
}
