package reach

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
)

// workflowMentions reads the workflow file a condition on workflow_ref or
// job_workflow_ref names (OWNER/REPO/.github/workflows/FILE@REF, with a
// regular expression's escapes undone and wildcards filled in): the jobs
// run from it when OWNER/REPO is repo, else they call it. Without it every
// job ran .github/workflows/workflow.yml, and such a policy let in none.
// The first file named wins, as a publisher's document would.
func workflowMentions(cond policy.Condition, repo string, m *mentioned) {
	if m.workflow != "" || m.jobWorkflow != "" {
		return
	}
	if !slices.Contains(cond.Claims, "workflow_ref") && !slices.Contains(cond.Claims, "job_workflow_ref") {
		return
	}
	text := strings.ReplaceAll(cond.Expression, `\`, "")
	w := workflowMention().FindStringSubmatch(text)
	if w == nil {
		return
	}
	m.setWorkflow(fill(w[1]), repo, fill(w[2]), fill(w[3]))
}

// setWorkflow: the jobs run workflow file of repository owner (OWNER/REPO)
// when that is repo, else they call it at ref (any ref of the other
// repository's workflow: its default branch stands for it when "").
func (m *mentioned) setWorkflow(owner, repo, file, ref string) {
	if strings.EqualFold(owner, repo) {
		m.workflow = workflowsDir + file
		return
	}
	if ref == "" {
		ref = otherDefaultRef
	}
	m.jobWorkflow = owner + "/" + workflowsDir + file + "@" + ref
}

// workflowMention is OWNER/REPO/.github/workflows/FILE and its @REF.
var workflowMention = lazyre.New(`([\w.*?-]+/[\w.*?-]+)/\.github/workflows/([\w.*?-]+\.ya?ml)(?:@(refs/[^\s"'),\]$]+))?`)
